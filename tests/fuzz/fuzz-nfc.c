/* fuzz-nfc.c: the text's own NFC against GLib's
 *
 * ann_text_normalize() composes with its own linear algorithm (src/core/ann-text.c) and must
 * give exactly g_utf8_normalize()'s NFC; its result must pass ann_text_check_normalized().
 * The input's first 4 KB of valid UTF-8 are compared (GLib's NFC is quadratic: longer inputs
 * would only slow the fuzzer), unless they hold what normalising also removes (CR, invisible
 * characters). nfc.dict holds the characters where NFC is subtle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ann-text.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Whether @text can be compared: normalising also removes CR and invisible characters. */
static gboolean
is_comparable (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' || c == 0xFEFF || c == 0x200B || c == 0x2060 || c == 0x00AD)
        return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *valid_end;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  /* The valid UTF-8 at the start of the input, at most 4 KB (the fixtures are longer). */
  g_utf8_validate_len ((const char *) data, MIN (size, 4096), &valid_end);
  text = g_strndup ((const char *) data, valid_end - (const char *) data);
  if (!is_comparable (text))
    return 0;

  expected = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  actual = ann_text_normalize (text);
  if (strcmp (expected, actual) != 0 || !ann_text_check_normalized (actual, NULL))
    abort ();
  return 0;
}
