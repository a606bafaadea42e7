import { Type, type TLiteral, type TUnion } from '@sinclair/typebox';

/**
 * `Type.Union(values.map(Type.Literal))` with the values kept in the type: the schema is the same, and
 * `Static` gives `'a' | 'b'` instead of `string`, so the browser's types name the values the server sends.
 */
export function literals<const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> {
  return Type.Union(values.map((value) => Type.Literal(value))) as TUnion<TLiteral<T[number]>[]>;
}
