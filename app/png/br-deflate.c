/* br-deflate.c: a deflate (RFC 1951) stream of literals and copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-deflate"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "br-deflate-private.h"

#define N_LITERALS   286   /* 0–255 bytes, 256 end of block, 257–285 copy lengths */
#define N_DISTANCES  30
#define N_CODE_LENGTHS 19
#define END_OF_BLOCK 256
#define MAX_BITS     15
#define MAX_CODE_LENGTH_BITS 7

/* RFC 1951, 3.2.5 */
static const guint16 length_base[29] = {
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
  35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
};
static const guint8 length_extra[29] = {
  0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
  3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
};
static const guint16 distance_base[N_DISTANCES] = {
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
  257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
};
static const guint8 distance_extra[N_DISTANCES] = {
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
  7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
};
/* the order the code length code's lengths are sent in, 3.2.7 */
static const guint8 code_length_order[N_CODE_LENGTHS] = {
  16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
};

/* copy length 3–258 → its symbol's index in length_base */
static guint8 length_index[BR_DEFLATE_MAX_COPY + 1];

/* One alphabet's code: per symbol its bit length, and its code bit-reversed, as deflate
 * sends Huffman codes from their top bit into a stream packed from the lowest. */
typedef struct
{
  guint8  lengths[N_LITERALS];
  guint16 codes[N_LITERALS];
} Code;

static void
init_tables (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0, length = BR_DEFLATE_MIN_COPY; length <= BR_DEFLATE_MAX_COPY; length++)
        {
          while (i + 1 < G_N_ELEMENTS (length_base) && length_base[i + 1] <= length)
            i++;
          length_index[length] = i;
        }
      g_once_init_leave (&done, 1);
    }
}

static guint
distance_index (guint distance)
{
  guint i = 0;

  while (i + 1 < N_DISTANCES && distance_base[i + 1] <= distance)
    i++;

  return i;
}

BrDeflate *
_br_deflate_new (guint near,
                 guint far,
                 guint max_tokens)
{
  BrDeflate *deflate = g_new0 (BrDeflate, 1);

  g_assert (near >= 1 && near <= BR_DEFLATE_MAX_DISTANCE);
  g_assert (far >= 1 && far <= BR_DEFLATE_MAX_DISTANCE);
  g_assert (max_tokens >= 2);

  init_tables ();
  deflate->distance[0] = near;
  deflate->distance[1] = far;
  deflate->max_tokens = max_tokens;
  deflate->tokens = g_new (guint32, max_tokens);

  return deflate;
}

void
_br_deflate_free (BrDeflate *deflate)
{
  g_free (deflate->tokens);
  g_free (deflate->out);
  g_free (deflate);
}

void
_br_deflate_copy_long (BrDeflate *deflate,
                       gsize      length,
                       gboolean   far)
{
  guint32 flags = BR_DEFLATE_COPY | (far ? BR_DEFLATE_FAR : 0);

  g_assert (length >= BR_DEFLATE_MIN_COPY);

  while (length > 0)
    {
      gsize part = MIN (length, BR_DEFLATE_MAX_COPY);

      /* never leave a tail shorter than a copy can be */
      if (length - part > 0 && length - part < BR_DEFLATE_MIN_COPY)
        part = length - BR_DEFLATE_MIN_COPY;
      deflate->tokens[deflate->n_tokens++] = flags | part;
      length -= part;
    }
}

/* ---- Huffman codes ----------------------------------------------------------------- */

typedef struct
{
  guint32 freq;
  guint16 symbol;
} Leaf;

static int
compare_leaves (const void *a,
                const void *b)
{
  const Leaf *x = a, *y = b;

  if (x->freq != y->freq)
    return x->freq < y->freq ? -1 : 1;
  return (int)x->symbol - (int)y->symbol;
}

/* Huffman code lengths for the symbols with a frequency, by the two-queue method on the
 * leaves sorted by frequency. Returns the longest. */
static guint
huffman_lengths (const guint32 *freq,
                 guint          n,
                 guint8        *lengths)
{
  Leaf leaves[N_LITERALS];
  guint32 node_freq[2 * N_LITERALS];
  guint16 parent[2 * N_LITERALS];
  guint16 depth[2 * N_LITERALS];
  guint n_leaves = 0, next_leaf = 0, next_node, new_node, longest = 0;

  memset (lengths, 0, n);
  for (guint i = 0; i < n; i++)
    if (freq[i] > 0)
      leaves[n_leaves++] = (Leaf) { freq[i], i };
  g_assert (n_leaves >= 2);
  qsort (leaves, n_leaves, sizeof leaves[0], compare_leaves);

  for (guint i = 0; i < n_leaves; i++)
    node_freq[i] = leaves[i].freq;
  next_node = new_node = n_leaves;
  for (guint k = 0; k + 1 < n_leaves; k++, new_node++)
    {
      guint pick[2];

      for (guint j = 0; j < 2; j++)
        {
          if (next_leaf < n_leaves &&
              (next_node == new_node || node_freq[next_leaf] <= node_freq[next_node]))
            pick[j] = next_leaf++;
          else
            pick[j] = next_node++;
        }
      node_freq[new_node] = node_freq[pick[0]] + node_freq[pick[1]];
      parent[pick[0]] = parent[pick[1]] = new_node;
    }

  depth[new_node - 1] = 0;
  for (guint node = new_node - 1; node-- > 0;)
    depth[node] = depth[parent[node]] + 1;

  for (guint i = 0; i < n_leaves; i++)
    {
      lengths[leaves[i].symbol] = depth[i];
      longest = MAX (longest, depth[i]);
    }

  return longest;
}

/* Code lengths of at most @max_bits: where the Huffman code is deeper, the frequencies are
 * flattened until it is not. At least two symbols must have a frequency. */
static void
limited_lengths (const guint32 *freq,
                 guint          n,
                 guint          max_bits,
                 guint8        *lengths)
{
  guint32 flat[N_LITERALS];

  if (huffman_lengths (freq, n, lengths) <= max_bits)
    return;

  memcpy (flat, freq, n * sizeof flat[0]);
  do
    {
      for (guint i = 0; i < n; i++)
        if (flat[i] > 0)
          flat[i] = (flat[i] >> 1) | 1;
    }
  while (huffman_lengths (flat, n, lengths) > max_bits);
}

static guint16
reverse_bits (guint16 code,
              guint   length)
{
  guint16 reversed = 0;

  for (guint i = 0; i < length; i++, code >>= 1)
    reversed = (reversed << 1) | (code & 1);

  return reversed;
}

/* the canonical code for @code's lengths, RFC 1951, 3.2.2 */
static void
assign_codes (Code  *code,
              guint  n)
{
  guint count[MAX_BITS + 1] = { 0 };
  guint16 next[MAX_BITS + 1];
  guint16 value = 0;

  for (guint i = 0; i < n; i++)
    count[code->lengths[i]]++;
  count[0] = 0;
  for (guint bits = 1; bits <= MAX_BITS; bits++)
    next[bits] = value = (value + count[bits - 1]) << 1;

  for (guint i = 0; i < n; i++)
    if (code->lengths[i] > 0)
      code->codes[i] = reverse_bits (next[code->lengths[i]]++, code->lengths[i]);
}

/* A code for @freq; with fewer than two symbols used, one or two unused ones are given a
 * frequency, as inflaters want a complete code. */
static void
build_code (Code          *code,
            guint32       *freq,
            guint          n,
            guint          max_bits)
{
  guint used = 0;

  for (guint i = 0; i < n && used < 2; i++)
    used += freq[i] > 0;
  for (guint i = 0; i < n && used < 2; i++)
    if (freq[i] == 0)
      {
        freq[i] = 1;
        used++;
      }

  limited_lengths (freq, n, max_bits, code->lengths);
  assign_codes (code, n);
}

/* ---- Bits -------------------------------------------------------------------------- */

static inline void
put_bits (BrDeflate *deflate,
          guint32    value,
          guint      n)
{
  deflate->bits |= (guint64)value << deflate->n_bits;
  deflate->n_bits += n;
  if (deflate->n_bits >= 32)
    {
      guint32 word = GUINT32_TO_LE ((guint32)deflate->bits);

      memcpy (deflate->out + deflate->out_len, &word, 4);
      deflate->out_len += 4;
      deflate->bits >>= 32;
      deflate->n_bits -= 32;
    }
}

static void
reserve (BrDeflate *deflate,
         gsize      n)
{
  if (deflate->out_size - deflate->out_len >= n)
    return;

  deflate->out_size = MAX (deflate->out_len + n, 2 * deflate->out_size);
  deflate->out = g_realloc (deflate->out, deflate->out_size);
}

/* whole bytes from the bit buffer into @out */
static void
flush_bytes (BrDeflate *deflate)
{
  while (deflate->n_bits >= 8)
    {
      deflate->out[deflate->out_len++] = deflate->bits & 0xff;
      deflate->bits >>= 8;
      deflate->n_bits -= 8;
    }
}

/* @bytes as they are; the stream must be at a byte boundary */
void
_br_deflate_put_bytes (BrDeflate    *deflate,
                       const guint8 *bytes,
                       gsize         length)
{
  g_assert (deflate->n_bits % 8 == 0);

  reserve (deflate, length + 8);
  flush_bytes (deflate);
  memcpy (deflate->out + deflate->out_len, bytes, length);
  deflate->out_len += length;
}

/* The bytes coded so far and not yet consumed */
const guint8 *
_br_deflate_peek (BrDeflate *deflate,
                  gsize     *length)
{
  *length = deflate->out_len;
  return deflate->out;
}

void
_br_deflate_consume (BrDeflate *deflate)
{
  deflate->out_len = 0;
}

/* ---- Blocks ------------------------------------------------------------------------ */

/* Run-length codes of the literal and distance code lengths, 3.2.7: each entry is a
 * symbol 0–18 with its extra bits' value above bit 8. Returns how many. */
static guint
code_length_runs (const guint8 *lengths,
                  guint         n,
                  guint16      *runs,
                  guint32      *freq)
{
  guint n_runs = 0;

  for (guint i = 0; i < n;)
    {
      guint8 length = lengths[i];
      guint run = 1;

      while (i + run < n && lengths[i + run] == length)
        run++;
      i += run;

      if (length == 0 && run >= 3)
        {
          while (run >= 3)
            {
              guint part = MIN (run, 138);
              guint16 symbol = part >= 11 ? 18 : 17;

              runs[n_runs++] = symbol | (part - (symbol == 18 ? 11 : 3)) << 8;
              freq[symbol]++;
              run -= part;
            }
        }
      else if (length > 0)
        {
          runs[n_runs++] = length;
          freq[length]++;
          run--;
          while (run >= 3)
            {
              guint part = MIN (run, 6);

              runs[n_runs++] = 16 | (part - 3) << 8;
              freq[16]++;
              run -= part;
            }
        }
      for (; run > 0; run--)
        {
          runs[n_runs++] = length;
          freq[length]++;
        }
    }

  return n_runs;
}

static void
put_code_lengths (BrDeflate  *deflate,
                  const Code *literals,
                  guint       n_literals,
                  const Code *distances,
                  guint       n_distances)
{
  static const guint8 run_extra[3] = { 2, 3, 7 };
  guint8 lengths[N_LITERALS + N_DISTANCES];
  guint16 runs[N_LITERALS + N_DISTANCES];
  guint32 freq[N_CODE_LENGTHS] = { 0 };
  Code code;
  guint n_runs, n_order = N_CODE_LENGTHS;

  memcpy (lengths, literals->lengths, n_literals);
  memcpy (lengths + n_literals, distances->lengths, n_distances);
  n_runs = code_length_runs (lengths, n_literals + n_distances, runs, freq);
  build_code (&code, freq, N_CODE_LENGTHS, MAX_CODE_LENGTH_BITS);
  while (n_order > 4 && code.lengths[code_length_order[n_order - 1]] == 0)
    n_order--;

  put_bits (deflate, n_literals - 257, 5);
  put_bits (deflate, n_distances - 1, 5);
  put_bits (deflate, n_order - 4, 4);
  for (guint i = 0; i < n_order; i++)
    put_bits (deflate, code.lengths[code_length_order[i]], 3);

  for (guint i = 0; i < n_runs; i++)
    {
      guint symbol = runs[i] & 0xff;

      put_bits (deflate, code.codes[symbol], code.lengths[symbol]);
      if (symbol >= 16)
        put_bits (deflate, runs[i] >> 8, run_extra[symbol - 16]);
    }
}

static void
count_tokens (const BrDeflate *deflate,
              guint32         *literal_freq,
              guint32         *distance_freq,
              const guint     *distance_symbol)
{
  for (guint i = 0; i < deflate->n_tokens; i++)
    {
      guint32 token = deflate->tokens[i];

      if (token & BR_DEFLATE_COPY)
        {
          literal_freq[257 + length_index[token & 0x1ff]]++;
          distance_freq[distance_symbol[(token & BR_DEFLATE_FAR) != 0]]++;
        }
      else
        {
          literal_freq[token]++;
        }
    }
  literal_freq[END_OF_BLOCK]++;
}

static void
put_tokens (BrDeflate  *deflate,
            const Code *literals,
            guint32     distance_bits[2],
            guint       distance_n_bits[2])
{
  for (guint i = 0; i < deflate->n_tokens; i++)
    {
      guint32 token = deflate->tokens[i];

      if (token & BR_DEFLATE_COPY)
        {
          guint length = token & 0x1ff;
          guint index = length_index[length];
          guint symbol = 257 + index;
          gboolean far = (token & BR_DEFLATE_FAR) != 0;

          put_bits (deflate,
                    literals->codes[symbol] |
                    (length - length_base[index]) << literals->lengths[symbol],
                    literals->lengths[symbol] + length_extra[index]);
          put_bits (deflate, distance_bits[far], distance_n_bits[far]);
        }
      else
        {
          put_bits (deflate, literals->codes[token], literals->lengths[token]);
        }
    }
  put_bits (deflate, literals->codes[END_OF_BLOCK], literals->lengths[END_OF_BLOCK]);
}

/**
 * _br_deflate_end_block:
 * @last: whether this is the stream's last block
 *
 * Codes the tokens given since the last block as a block with its own Huffman codes, and
 * empties the tokens. After the last block the stream is padded to a whole byte.
 */
void
_br_deflate_end_block (BrDeflate *deflate,
                       gboolean   last)
{
  guint32 literal_freq[N_LITERALS] = { 0 };
  guint32 distance_freq[N_DISTANCES] = { 0 };
  guint distance_symbol[2], distance_n_bits[2];
  guint32 distance_bits[2];
  guint n_literals = N_LITERALS, n_distances = N_DISTANCES;
  Code literals, distances;

  for (guint i = 0; i < 2; i++)
    distance_symbol[i] = distance_index (deflate->distance[i]);
  count_tokens (deflate, literal_freq, distance_freq, distance_symbol);
  build_code (&literals, literal_freq, N_LITERALS, MAX_BITS);
  build_code (&distances, distance_freq, N_DISTANCES, MAX_BITS);
  while (n_literals > 257 && literals.lengths[n_literals - 1] == 0)
    n_literals--;
  while (n_distances > 1 && distances.lengths[n_distances - 1] == 0)
    n_distances--;

  for (guint i = 0; i < 2; i++)
    {
      guint symbol = distance_symbol[i];

      distance_bits[i] = distances.codes[symbol] |
                         (deflate->distance[i] - distance_base[symbol]) << distances.lengths[symbol];
      distance_n_bits[i] = distances.lengths[symbol] + distance_extra[symbol];
    }

  /* a header of under 300 bytes; a token of 48 bits at most */
  reserve (deflate, 512 + (gsize)deflate->n_tokens * 6);
  put_bits (deflate, last ? 1 : 0, 1);
  put_bits (deflate, 2, 2);   /* dynamic Huffman codes */
  put_code_lengths (deflate, &literals, n_literals, &distances, n_distances);
  put_tokens (deflate, &literals, distance_bits, distance_n_bits);

  if (last && deflate->n_bits % 8 != 0)
    put_bits (deflate, 0, 8 - deflate->n_bits % 8);
  flush_bytes (deflate);
  deflate->n_tokens = 0;
}
