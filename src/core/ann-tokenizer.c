/* ann-tokenizer.c: splits article text into tokens and numbered sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "ann-tokenizer.h"

#define ELLIPSIS 0x2026

/* A place in the text, counted both ways: tokens report code point
 * offsets, while slicing the UTF-8 text needs byte offsets.
 */
typedef struct
{
  gsize byte;
  guint offset;
} TextPos;

/* The state of the single pass over the text.  A chunk is a run of
 * characters between white space; its core is the part from its first to
 * its last character that is neither punctuation nor symbol.
 */
typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       sentence;
  gboolean    sentence_ended;
  gboolean    in_chunk;
  gboolean    has_core;
  TextPos     chunk_start;
  TextPos     core_start;
  TextPos     core_end;
} Tokenizer;

/**
 * ann_tokenizer_is_punctuation_or_symbol:
 *
 * Whether @c is peeled off the ends of a chunk as a token of its own (Unicode categories P*
 * and S*).
 */
gboolean
ann_tokenizer_is_punctuation_or_symbol (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_OTHER_SYMBOL:
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
is_sentence_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == ELLIPSIS;
}

static TextPos
next_pos (const char *text,
          TextPos     pos)
{
  TextPos next;

  next.byte = g_utf8_next_char (text + pos.byte) - text;
  next.offset = pos.offset + 1;

  return next;
}

/* Only a sentence that holds a token can end, so blank lines, or a line
 * break right after a full stop, never open an empty sentence.  The
 * index moves on lazily, when the next token arrives.
 */
static void
end_sentence (Tokenizer *tokenizer)
{
  if (tokenizer->tokens->len > 0)
    tokenizer->sentence_ended = TRUE;
}

static void
add_token (Tokenizer *tokenizer,
           TextPos    start,
           TextPos    end)
{
  AnnToken token;

  if (tokenizer->sentence_ended)
    {
      tokenizer->sentence++;
      tokenizer->sentence_ended = FALSE;
    }

  token.start = start.offset;
  token.end = end.offset;
  token.byte_start = start.byte;
  token.byte_end = end.byte;
  token.sentence = tokenizer->sentence;

  g_array_append_val (tokenizer->tokens, token);
}

/* Peeled punctuation and symbols are tokens of one character each; a
 * terminator among them closes the sentence.
 */
static void
add_char_tokens (Tokenizer *tokenizer,
                 TextPos    from,
                 TextPos    to)
{
  TextPos pos = from;

  while (pos.byte < to.byte)
    {
      gunichar c = g_utf8_get_char (tokenizer->text + pos.byte);
      TextPos next = next_pos (tokenizer->text, pos);

      add_token (tokenizer, pos, next);

      if (is_sentence_terminator (c))
        end_sentence (tokenizer);

      pos = next;
    }
}

static void
extend_chunk (Tokenizer *tokenizer,
              gunichar   c,
              TextPos    pos,
              TextPos    next)
{
  if (!tokenizer->in_chunk)
    {
      tokenizer->in_chunk = TRUE;
      tokenizer->has_core = FALSE;
      tokenizer->chunk_start = pos;
    }

  if (ann_tokenizer_is_punctuation_or_symbol (c))
    return;

  if (!tokenizer->has_core)
    {
      tokenizer->has_core = TRUE;
      tokenizer->core_start = pos;
    }

  tokenizer->core_end = next;
}

/* The core cannot start or end with a terminator, so only the peeled
 * characters can close a sentence: "TP.HCM" stays in its sentence.
 */
static void
close_chunk (Tokenizer *tokenizer,
             TextPos    end)
{
  if (!tokenizer->in_chunk)
    return;

  tokenizer->in_chunk = FALSE;

  if (!tokenizer->has_core)
    {
      add_char_tokens (tokenizer, tokenizer->chunk_start, end);
      return;
    }

  add_char_tokens (tokenizer, tokenizer->chunk_start, tokenizer->core_start);
  add_token (tokenizer, tokenizer->core_start, tokenizer->core_end);
  add_char_tokens (tokenizer, tokenizer->core_end, end);
}

/**
 * ann_tokenize:
 * @text: valid UTF-8 text, with LF line breaks only
 *
 * Splits @text at white space, then peels the leading and trailing
 * punctuation and symbols of each chunk off as one-character tokens.
 * A sentence ends after a token ".", "!", "?" or "…", and at a line
 * break; sentences without tokens are not counted.
 *
 * The text is read once, so the time is linear in its length.
 *
 * Returns: (transfer full) (element-type AnnToken): the tokens, in order
 */
GArray *
ann_tokenize (const char *text)
{
  Tokenizer tokenizer = { 0 };
  TextPos pos = { 0, 0 };

  g_return_val_if_fail (text != NULL, NULL);

  tokenizer.text = text;
  tokenizer.tokens = g_array_new (FALSE, FALSE, sizeof (AnnToken));

  while (text[pos.byte] != '\0')
    {
      gunichar c = g_utf8_get_char (text + pos.byte);
      TextPos next = next_pos (text, pos);

      if (g_unichar_isspace (c))
        {
          close_chunk (&tokenizer, pos);

          if (c == '\n')
            end_sentence (&tokenizer);
        }
      else
        {
          extend_chunk (&tokenizer, c, pos, next);
        }

      pos = next;
    }

  close_chunk (&tokenizer, pos);

  return tokenizer.tokens;
}

/* ------------------------------------------------------------------------
 * Tokens covering entities: ann_tokens_covering_entities () goes below.
 */

/* The entity whose label a token takes: the longest entity that contains the token's first
 * character; between equally long ones, the earlier start, then the smaller label id. */
static AnnEntity *
choose_covering_entity (GPtrArray *candidates)
{
  AnnEntity *best = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      AnnEntity *entity = g_ptr_array_index (candidates, i);
      guint length = ann_entity_get_end (entity) - ann_entity_get_start (entity);
      guint best_length;

      if (best == NULL)
        {
          best = entity;
          continue;
        }

      best_length = ann_entity_get_end (best) - ann_entity_get_start (best);
      if (length > best_length ||
          (length == best_length && ann_entity_get_start (entity) < ann_entity_get_start (best)) ||
          (length == best_length && ann_entity_get_start (entity) == ann_entity_get_start (best) &&
           strcmp (ann_entity_get_label (entity), ann_entity_get_label (best)) < 0))
        best = entity;
    }

  return best;
}

/* Tokens outside every entity hold NULL. */
static void
unref_entity_if_any (gpointer entity)
{
  if (entity != NULL)
    g_object_unref (entity);
}

/**
 * ann_tokens_covering_entities:
 * @tokens: (element-type AnnToken): tokens of the store's document
 *
 * Returns: (transfer full) (element-type AnnEntity): for each token, the entity whose label
 *   it takes, or %NULL for a token outside every entity (tag O)
 */
GPtrArray *
ann_tokens_covering_entities (GArray         *tokens,
                              AnnEntityStore *store)
{
  GPtrArray *covering;

  g_return_val_if_fail (tokens != NULL, NULL);
  g_return_val_if_fail (ANN_IS_ENTITY_STORE (store), NULL);

  covering = g_ptr_array_new_full (tokens->len, unref_entity_if_any);
  for (guint i = 0; i < tokens->len; i++)
    {
      const AnnToken *token = &g_array_index (tokens, AnnToken, i);
      g_autoptr(GPtrArray) candidates = NULL;
      AnnEntity *best;

      candidates = ann_entity_store_get_containing (store, token->start, token->start + 1);
      best = choose_covering_entity (candidates);
      g_ptr_array_add (covering, best ? g_object_ref (best) : NULL);
    }

  return covering;
}
