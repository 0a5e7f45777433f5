/* ladder-application.h — the GtkApplication of the editor */
#pragma once

#include <gtk/gtk.h>

#include "ladder-catalogue.h"

G_BEGIN_DECLS

#define LADDER_TYPE_APPLICATION (ladder_application_get_type ())
G_DECLARE_FINAL_TYPE (LadderApplication, ladder_application, LADDER, APPLICATION, GtkApplication)

LadderApplication *ladder_application_new            (void);
/* The catalogue every window uses: the built-in one, or the one given
 * with --rules. */
LadderCatalogue   *ladder_application_get_catalogue  (LadderApplication *self);
void               ladder_application_set_catalogue  (LadderApplication *self,
                                                      LadderCatalogue   *catalogue);

/* Runs the GUI: `ladder [FILE]`.  Called by main() when the command line
 * asks for no headless work.  Returns the exit status. */
int                ladder_application_run            (int argc, char **argv);

G_END_DECLS
