/* fuzz-text.c: the text importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ann-file.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (ann_file_import_text, "fuzz.txt", NULL, data, size);
  return 0;
}
