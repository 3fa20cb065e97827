/* fuzz-native.c: the native loader (ann_file_load_data), then a save and a reload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AnnFile) file = NULL;

  file = ann_file_load_data ((const char *) data, size, "fuzz.json", &error);
  if ((file == NULL) == (error == NULL))
    abort ();
  /* What we write of a file we accepted must load back. */
  if (file != NULL)
    fuzz_check_round_trip (file);
  return 0;
}
