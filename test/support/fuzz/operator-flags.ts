/**
 * A flag file whose rules read the context through every kind of operator
 * flagd offers, for fuzzing evaluation contexts: strings, lists, versions,
 * arithmetic, iteration over context arrays, splits on several keys, the
 * clock, and a value of each type.
 */
export const OPERATOR_FLAGS = JSON.stringify({
  $schema: 'https://flagd.dev/schema/v0/flags.json',
  flags: {
    'ops.strings': {
      state: 'ENABLED',
      variants: { a: 'a', b: 'b', c: 'c' },
      defaultVariant: 'a',
      targeting: {
        if: [
          { starts_with: [{ var: 'email' }, 'admin'] }, 'b',
          { ends_with: [{ var: 'email' }, '@example.com'] }, 'c',
          { in: [{ var: 'tier' }, ['gold', 'silver']] }, 'b',
          { in: ['beta', { var: 'groups' }] }, 'c',
          { '==': [{ cat: [{ var: 'a.b.c' }, { substr: [{ var: ['name', ''] }, 0, 3] }] }, 'xyz'] }, 'b',
          null,
        ],
      },
    },
    'ops.versions': {
      state: 'ENABLED',
      variants: { old: false, new: true },
      defaultVariant: 'old',
      targeting: { if: [{ or: [{ sem_ver: [{ var: 'version' }, '>=', '2.0.0'] }, { sem_ver: [{ var: 'appVersion' }, '^', '1.4.0'] }] }, 'new', 'old'] },
    },
    'ops.numbers': {
      state: 'ENABLED',
      variants: { low: 1, mid: 10, high: 100 },
      defaultVariant: 'low',
      targeting: {
        if: [
          { '>': [{ '+': [{ var: 'age' }, { '*': [{ var: 'score' }, 2] }] }, 50] }, 'high',
          { '<': [0, { '%': [{ var: 'count' }, 7] }, 5] }, 'mid',
          { some: [{ var: 'orders' }, { '>': [{ var: 'total' }, 100] }] }, 'high',
          { all: [{ var: 'flags' }, { '!': { var: '' } }] }, 'mid',
          { '>': [{ reduce: [{ var: 'amounts' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, 1000] }, 'high',
          { '>': [{ var: '$flagd.timestamp' }, 0] }, 'low',
          null,
        ],
      },
    },
    'ops.splits': {
      state: 'ENABLED',
      variants: { one: { size: 1 }, two: { size: 2, nested: { deep: [1, 2] } }, three: { size: 3 } },
      defaultVariant: 'one',
      targeting: {
        if: [
          { '!!': { var: 'tenantId' } },
          { fractional: [{ cat: [{ var: 'tenantId' }, '/', { var: 'userId' }] }, ['one', 30], ['two', 30], ['three', 40]] },
          { fractional: [['one', 50], ['two', 50]] },
        ],
      },
    },
    'ops.merge': {
      state: 'ENABLED',
      variants: { off: 'off', on: 'on' },
      defaultVariant: 'off',
      targeting: { if: [{ in: ['on', { merge: [{ var: 'listA' }, { var: 'listB' }, { map: [{ var: 'items' }, { var: 'state' }] }] }] }, 'on', 'off'] },
    },
    'ops.disabled': { state: 'DISABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
  },
});
