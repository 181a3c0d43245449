/**
 * The fast path of message validation reads each role's fields by name (`messageFieldReaders`) instead
 * of looping over the table's keys: the readers must read exactly the table's keys, in its order, or a
 * field would go unchecked (or be checked against another field's rule).
 */
import { describe, expect, it } from 'vitest'
import { messageFieldReaders, messageFields } from '../../src/core/validate-params.js'

describe('message field readers', () => {
  it('cover every role of the table, and no other', () => {
    expect(Object.keys(messageFieldReaders).sort()).toEqual(Object.keys(messageFields).sort())
  })

  it.each(Object.entries(messageFields))('%s: read exactly the table keys, in order', (role, fields) => {
    const keys = Object.keys(fields)
    const message = Object.fromEntries(keys.map((key) => [key, { marker: key }]))
    const read = messageFieldReaders[role]
    expect(read?.(message)).toEqual(keys.map((key) => ({ marker: key })))
  })
})
