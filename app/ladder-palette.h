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

/* What a role's row says under its name: "Level 3", or "Off the ladder"
 * (free with g_free). */
char       *ladder_palette_dup_level_text (const LadderRole *role);
/* A role's tooltip: its name and what its level means, in words. */
char       *ladder_palette_dup_tooltip    (const LadderRole *role);

G_END_DECLS
