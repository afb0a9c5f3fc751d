import { createHash } from 'node:crypto'
import { AjvCompiler, StandaloneValidator } from '@fastify/ajv-compiler'
import { SerializerSelector, StandaloneSerializer } from '@fastify/fast-json-stringify-compiler'
import type { FastifyServerOptions } from 'fastify'
import generated from './generated/route-schemas.cjs'

/**
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify) when the
 * server gets ready — most of the embedded service's start-up time. They are generated once instead, with
 * the libraries' own standalone mode (`npm run schemas` writes service/generated/route-schemas.cjs), and
 * looked up here by route and schema hash. A schema without generated code (edited since) is compiled at
 * start-up as before: slower, never different. A test keeps the generated file current.
 */
export type SchemaCompilers = NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']

/** What fastify passes a compiler for one route part (Ajv's and fast-json-stringify's route definitions). */
type RouteSchema = { schema?: unknown; method?: string; url?: string; httpPart?: string; httpStatus?: string; contentType?: string }
type Validator = (data: unknown) => boolean
type Serializer = (data: unknown) => string
export type GeneratedSchemas = {
  validators: Record<string, () => Validator>
  serializers: Record<string, () => Serializer>
}

/** One key per route, part (body, querystring, params, headers or response status) and schema content. */
export function routeSchemaKey(route: RouteSchema): string {
  const part = route.httpPart ?? `${route.httpStatus ?? ''} ${route.contentType ?? ''}`.trim()
  const hash = createHash('sha256').update(JSON.stringify(route.schema)).digest('base64url').slice(0, 16)
  return `${route.method ?? ''} ${route.url ?? ''} ${part} ${hash}`
}

/** Keys compiled at start-up because no generated code matched (the freshness test expects none). */
export const compiledAtStartUp: string[] = []

/** The generated validators and serializers, with the libraries' own compilers for anything not generated. */
export function precompiledCompilers(code: GeneratedSchemas = generated): SchemaCompilers {
  const lookup = <T>(table: Record<string, () => T>, route: RouteSchema, compile: () => T): T => {
    const key = routeSchemaKey(route)
    const factory = Object.hasOwn(table, key) ? table[key] : undefined
    if (factory) return factory()
    compiledAtStartUp.push(key)
    return compile()
  }
  return {
    buildValidator(externalSchemas: unknown, ajvOptions: unknown) {
      let runtime: ((route: never) => Validator) | undefined
      return (route: RouteSchema) =>
        lookup(code.validators, route, () => (runtime ??= AjvCompiler()(externalSchemas as never, ajvOptions as never))(route as never))
    },
    buildSerializer(externalSchemas: unknown, serializerOptions: unknown) {
      let runtime: ((route: never) => Serializer) | undefined
      return (route: RouteSchema) =>
        lookup(code.serializers, route, () => (runtime ??= SerializerSelector()(externalSchemas, serializerOptions as never))(route as never))
    },
  } as SchemaCompilers
}

/** Compilers that compile as usual and hand each route's standalone source to `store` (the generator). */
export function recordingCompilers(store: (kind: 'validator' | 'serializer', key: string, source: string) => void): SchemaCompilers {
  return {
    buildValidator: StandaloneValidator({
      readMode: false,
      storeFunction: (route: RouteSchema, source: string) => store('validator', routeSchemaKey(route), source),
    }),
    buildSerializer: StandaloneSerializer({
      readMode: false,
      storeFunction: (route: RouteSchema, source: string) => store('serializer', routeSchemaKey(route), source),
    }),
  } as SchemaCompilers
}
