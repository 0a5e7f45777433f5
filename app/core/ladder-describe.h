/* ladder-describe.h — a person in words, for labels and screen readers */
#pragma once

#include "ladder-catalogue.h"
#include "ladder-chart.h"
#include "ladder-validate.h"

G_BEGIN_DECLS

/* What a person is called on screen: their name, else their title, else
 * their role's display name, else their id.  Owned by @chart or
 * @catalogue. */
const char *ladder_describe_label  (LadderChart     *chart,
                                    LadderCatalogue *catalogue,
                                    guint            person);

/* One sentence for assistive technology: who, in which role, reporting to
 * whom, how many reports, and every finding on them ("Mei Chen, Senior
 * Product Manager, reports to Ada Obi, 2 direct reports, 1 note: ...").
 * @findings may be NULL. */
char       *ladder_describe_person (LadderChart     *chart,
                                    LadderCatalogue *catalogue,
                                    LadderFindings  *findings,
                                    guint            person);

G_END_DECLS
