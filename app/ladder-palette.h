/* ladder-palette.h — the roles of the catalogue, to drag onto the chart */
#pragma once

#include <gtk/gtk.h>

#include "ladder-catalogue.h"

G_BEGIN_DECLS

#define LADDER_TYPE_PALETTE (ladder_palette_get_type ())
G_DECLARE_FINAL_TYPE (LadderPalette, ladder_palette, LADDER, PALETTE, GtkWidget)

void        ladder_palette_set_catalogue (LadderPalette *self, LadderCatalogue *catalogue);
/* The role id of the chosen row, or NULL. */
const char *ladder_palette_get_selected  (LadderPalette *self);

G_END_DECLS
