/* fuzz-labelstudio.c: the labelstudio importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "ann-format-labelstudio.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (ann_format_labelstudio_import, "fuzz.json", NULL, data, size);
  return 0;
}
