/* wcag.h: the contrast ratio of two colours, as WCAG 2 defines it, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <math.h>
#include <string.h>

/* WCAG 2's minimum for text (1.4.3) and for other marks (1.4.11, non-text contrast). */
#define WCAG_TEXT_CONTRAST 4.5
#define WCAG_MARK_CONTRAST 3.0

/* Of an sRGB channel in [0, 1]. */
static inline double
wcag_linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static inline double
wcag_luminance (double red,
                double green,
                double blue)
{
  return 0.2126 * wcag_linear (red) + 0.7152 * wcag_linear (green) + 0.0722 * wcag_linear (blue);
}

/* From 1 (the same) to 21 (black on white); the order of the two does not matter. */
static inline double
wcag_contrast (const double a[3],
               const double b[3])
{
  double la = wcag_luminance (a[0], a[1], a[2]);
  double lb = wcag_luminance (b[0], b[1], b[2]);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* "#rrggbb" into three channels in [0, 1]. */
static inline gboolean
wcag_parse_hex (const char *text,
                double      rgb[3])
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (text[1 + 2 * i]);
      int low = g_ascii_xdigit_value (text[2 + 2 * i]);

      if (high < 0 || low < 0)
        return FALSE;
      rgb[i] = (high * 16 + low) / 255.0;
    }
  return TRUE;
}
