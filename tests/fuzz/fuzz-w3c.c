/* fuzz-w3c.c: the w3c importer (annotations, a NUL, then the article's text)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ann-format-w3c.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (ann_format_w3c_import, "fuzz.json", "fuzz.txt", data, size);
  return 0;
}
