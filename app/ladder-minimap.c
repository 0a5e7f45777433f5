/* ladder-minimap.c — the overview map over the canvas
 *
 * The blocks are drawn once into a render node and kept until the chart,
 * its findings or the map's size change; a move of the view only draws
 * the marker again (as sysprof's flame graph keeps its picture and draws
 * the hover on top).  The mapping between the map and the layout comes
 * from ladder-team-map.c.  The pointer and the keys are in
 * ladder-minimap-input.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ladder-minimap-private.h"
#include "ladder-settings.h"

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


G_DEFINE_FINAL_TYPE (LadderMinimap, ladder_minimap, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------- geometry */

void
ladder_minimap_get_box (LadderMinimap *self, graphene_rect_t *rect)
{
  g_return_if_fail (LADDER_IS_MINIMAP (self));
  g_return_if_fail (rect != NULL);

  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  /* Before its first allocation (just shown), the size it will have. */
  if (width <= 0 || height <= 0)
    {
      width = MAP_WIDTH;
      height = MAP_HEIGHT;
    }
  graphene_rect_init (rect, INSET, INSET, MAX (1.0, width - 2 * INSET),
                      MAX (1.0, height - 2 * INSET));
}

/* The blocks as the chart is now; @in_frame: unless an edit made them
 * stale and the idle after it will build them (once the chart has been
 * checked), so that an edit's frame only draws the marker. */
LadderTeamMap *
ladder_minimap_ensure_map (LadderMinimap *self, gboolean in_frame)
{
  graphene_rect_t box;

  if (self->document == NULL)
    return self->map;
  ladder_minimap_get_box (self, &box);
  if (box.size.width != self->built_width || box.size.height != self->built_height)
    self->blocks_dirty = TRUE;
  else if (in_frame && self->rebuild_idle != 0)
    return self->map;
  if (self->blocks_dirty)
    {
      gint64 start = g_get_monotonic_time ();
      guint levels = MAX (1, (guint) (box.size.height / ROW_MIN));

      ladder_team_map_build (self->map, ladder_document_get_chart (self->document),
                             ladder_document_get_findings (self->document), levels,
                             BLOCK_MIN / box.size.width);
      g_debug ("overview map: blocks built in %.3f ms",
               (g_get_monotonic_time () - start) / 1000.0);
      self->built_width = box.size.width;
      self->built_height = box.size.height;
      self->blocks_dirty = FALSE;
      self->anchors_dirty = TRUE;
      self->hover = LADDER_NONE;
      g_clear_pointer (&self->picture, gsk_render_node_unref);
    }
  if (self->anchors_dirty && self->canvas != NULL)
    {
      ladder_team_map_set_layout (self->map, ladder_canvas_get_layout (self->canvas));
      self->anchors_dirty = FALSE;
    }
  return self->map;
}

LadderTeamMap *
ladder_minimap_get_map (LadderMinimap *self)
{
  g_return_val_if_fail (LADDER_IS_MINIMAP (self), NULL);
  return ladder_minimap_ensure_map (self, FALSE);
}

/* The part of the layout in view. */
static void
visible_layout (LadderMinimap *self, double *x0, double *y0, double *x1, double *y1)
{
  LadderViewport *viewport = ladder_canvas_get_viewport (self->canvas);
  double ox, oy, x, y, width, height;

  ladder_canvas_get_origin (self->canvas, &ox, &oy);
  ladder_viewport_get_visible (viewport, &x, &y, &width, &height);
  *x0 = x - ox;
  *y0 = y - oy;
  *x1 = *x0 + width;
  *y1 = *y0 + height;
}

void
ladder_minimap_marker_rect (LadderMinimap *self, LadderTeamMap *map, graphene_rect_t *rect)
{
  graphene_rect_t box;
  double x0, y0, x1, y1, mx0, my0, mx1, my1, width, height;

  ladder_minimap_get_box (self, &box);
  if (self->canvas == NULL)
    {
      *rect = box;
      return;
    }
  visible_layout (self, &x0, &y0, &x1, &y1);
  ladder_team_map_to_box (map, x0, y0, &mx0, &my0);
  ladder_team_map_to_box (map, x1, y1, &mx1, &my1);
  width = MAX ((mx1 - mx0) * box.size.width, MARKER_MIN);
  height = MAX ((my1 - my0) * box.size.height, MARKER_MIN);
  graphene_rect_init (rect,
                      box.origin.x + (mx0 + mx1) / 2.0 * box.size.width - width / 2.0,
                      box.origin.y + (my0 + my1) / 2.0 * box.size.height - height / 2.0,
                      width, height);
}

void
ladder_minimap_get_marker (LadderMinimap *self, graphene_rect_t *rect)
{
  g_return_if_fail (LADDER_IS_MINIMAP (self));
  g_return_if_fail (rect != NULL);
  ladder_minimap_marker_rect (self, ladder_minimap_ensure_map (self, FALSE), rect);
}

/* --------------------------------------------------------- showing it */

/* The chart is all in view, or the view is too small to give a corner
 * of it to the map. */
static gboolean
no_room_or_need (LadderMinimap *self)
{
  LadderViewport *viewport = ladder_canvas_get_viewport (self->canvas);
  double zoom = ladder_viewport_get_zoom (viewport);
  double cw, ch, vw, vh;

  ladder_viewport_get_content_size (viewport, &cw, &ch);
  ladder_viewport_get_view_size (viewport, &vw, &vh);
  return (cw * zoom <= vw + 0.5 && ch * zoom <= vh + 0.5) ||
         vw < MIN_VIEW_WIDTH || vh < MIN_VIEW_HEIGHT;
}

void
ladder_minimap_sync (LadderMinimap *self)
{
  gboolean show;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  g_clear_handle_id (&self->sync_idle, g_source_remove);
  show = self->enabled && self->canvas != NULL &&
         ladder_chart_get_n_people (ladder_document_get_chart (self->document)) > 0 &&
         !no_room_or_need (self);
  gtk_widget_set_visible (GTK_WIDGET (self), show);
}

static gboolean
sync_idle_cb (gpointer data)
{
  LadderMinimap *self = data;

  self->sync_idle = 0;
  ladder_minimap_sync (self);
  return G_SOURCE_REMOVE;
}

/* The view changes in the middle of the canvas's allocation (fitting a
 * chart); showing or hiding a widget there would ask for another, so it
 * waits for the main loop. */
static void
queue_sync (LadderMinimap *self)
{
  if (self->sync_idle == 0)
    self->sync_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_idle_cb, self, NULL);
}

static gboolean
rebuild_idle_cb (gpointer data)
{
  LadderMinimap *self = data;

  self->rebuild_idle = 0;
  /* A hidden map builds when it shows. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      ladder_minimap_ensure_map (self, FALSE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

/* After the edit's frame and after the chart is checked again (a default
 * idle): the blocks are built from the new findings without asking for
 * a check in the middle of a frame. */
static void
queue_rebuild (LadderMinimap *self)
{
  self->blocks_dirty = TRUE;
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add_full (G_PRIORITY_LOW, rebuild_idle_cb, self, NULL);
}

static void
viewport_changed_cb (LadderMinimap *self)
{
  queue_sync (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
document_changed_cb (LadderDocument *document, const LadderChange *change, LadderMinimap *self)
{
  switch (change->kind)
    {
    case LADDER_CHANGE_ADDED:
    case LADDER_CHANGE_REMOVED:
    case LADDER_CHANGE_MOVED:
    case LADDER_CHANGE_RESET:
      queue_rebuild (self);
      break;
    case LADDER_CHANGE_FIELD:
      /* A fold or an assistant moves cards; a name or a role does not
       * (its findings come with notify::findings). */
      if (change->field == LADDER_FIELD_COLLAPSED || change->field == LADDER_FIELD_ASSISTANT)
        self->anchors_dirty = TRUE;
      break;
    case LADDER_CHANGE_CHART:
      self->anchors_dirty = TRUE;
      break;
    default:
      return;
    }
  queue_sync (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
findings_changed_cb (LadderMinimap *self)
{
  queue_rebuild (self);
}

/* ------------------------------------------------------------- drawing */

static GdkRGBA
block_colour (const LadderMapBlock *block)
{
  GdkRGBA colour;
  /* Deeper rows lighter, so the levels read apart. */
  float alpha = MAX (0.45f, 0.9f - 0.08f * block->level);

  switch (block->severity)
    {
    case LADDER_SEVERITY_ERROR:
      colour = (GdkRGBA) { 0.851f, 0.176f, 0.125f, alpha };
      break;
    case LADDER_SEVERITY_WARNING:
      colour = (GdkRGBA) { 0.969f, 0.565f, 0.035f, alpha };
      break;
    default:
      /* A note is advice, found in most big teams: it does not colour. */
      colour = (GdkRGBA) { 0.443f, 0.502f, 0.588f, alpha };
      break;
    }
  /* A run of small teams is fainter than a team of its own. */
  if (block->person == LADDER_NONE)
    colour.alpha *= 0.55f;
  return colour;
}

/* Where @block is drawn: a pixel apart from its neighbours, but never
 * thinner than one. */
static graphene_rect_t
block_rect (LadderMinimap *self, const graphene_rect_t *box, const LadderMapBlock *block)
{
  double row = box->size.height / MAX (1, ladder_team_map_get_n_levels (self->map));

  return GRAPHENE_RECT_INIT (box->origin.x + block->x0 * box->size.width,
                             box->origin.y + block->level * row + 1.0,
                             MAX (1.0, (block->x1 - block->x0) * box->size.width - 1.0),
                             MAX (1.0, block->rows * row - 2.0));
}

static GskRenderNode *
draw_blocks (LadderMinimap *self, const graphene_rect_t *box)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  guint n;
  const LadderMapBlock *blocks = ladder_team_map_get_blocks (self->map, &n);

  for (guint i = 0; i < n; i++)
    {
      GdkRGBA colour = block_colour (&blocks[i]);
      graphene_rect_t rect = block_rect (self, box, &blocks[i]);

      gtk_snapshot_append_color (snapshot, &colour, &rect);
    }
  return gtk_snapshot_free_to_node (snapshot);
}

static void
draw_hover (LadderMinimap *self, GtkSnapshot *snapshot, const graphene_rect_t *box)
{
  static const GdkRGBA ink = { 0.1f, 0.12f, 0.16f, 0.75f };
  const LadderMapBlock *blocks;
  graphene_rect_t rect;
  GskRoundedRect outline;
  guint n;

  blocks = ladder_team_map_get_blocks (self->map, &n);
  if (self->hover >= n)
    return;
  rect = block_rect (self, box, &blocks[self->hover]);
  graphene_rect_inset (&rect, -1.0, -1.0);
  gsk_rounded_rect_init_from_rect (&outline, &rect, 0.0);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { 1, 1, 1, 1 },
                              (GdkRGBA[]) { ink, ink, ink, ink });
}

static void
ladder_minimap_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LadderMinimap *self = LADDER_MINIMAP (widget);
  static const GdkRGBA fill = { 0.208f, 0.518f, 0.894f, 0.18f };
  static const GdkRGBA edge = { 0.208f, 0.518f, 0.894f, 1.0f };
  graphene_rect_t box, marker;
  GskRoundedRect outline;
  LadderTeamMap *map;

  if (self->canvas == NULL)
    return;
  ladder_minimap_get_box (self, &box);
  map = ladder_minimap_ensure_map (self, TRUE);
  if (self->picture == NULL)
    self->picture = draw_blocks (self, &box);
  if (self->picture != NULL)
    gtk_snapshot_append_node (snapshot, self->picture);
  draw_hover (self, snapshot, &box);

  ladder_minimap_marker_rect (self, map, &marker);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (box.origin.x - 2, box.origin.y - 2,
                                                         box.size.width + 4, box.size.height + 4));
  gtk_snapshot_append_color (snapshot, &fill, &marker);
  gsk_rounded_rect_init_from_rect (&outline, &marker, 2.0);
  gtk_snapshot_append_border (snapshot, &outline, (float[]) { 2, 2, 2, 2 },
                              (GdkRGBA[]) { edge, edge, edge, edge });
  gtk_snapshot_pop (snapshot);
}

static void
ladder_minimap_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? MAP_WIDTH : MAP_HEIGHT;
}

static void
ladder_minimap_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  /* ladder_minimap_get_map() sees the new size and builds again. */
  gtk_widget_queue_draw (widget);
}

/* ---------------------------------------------------------------- setup */

void
ladder_minimap_bind (LadderMinimap *self, LadderCanvas *canvas, LadderDocument *document)
{
  GSettings *settings = ladder_settings_get ();

  g_return_if_fail (LADDER_IS_MINIMAP (self));
  g_return_if_fail (LADDER_IS_CANVAS (canvas));
  g_return_if_fail (LADDER_IS_DOCUMENT (document));
  g_return_if_fail (self->canvas == NULL);

  self->canvas = canvas;
  self->document = document;
  self->blocks_dirty = TRUE;
  g_signal_connect_object (ladder_canvas_get_viewport (canvas), "changed",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, 0);
  g_signal_connect_object (document, "notify::findings", G_CALLBACK (findings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    g_settings_bind (settings, "show-overview-map", self, "enabled", G_SETTINGS_BIND_GET);
  queue_sync (self);
}

void
ladder_minimap_set_enabled (LadderMinimap *self, gboolean enabled)
{
  g_return_if_fail (LADDER_IS_MINIMAP (self));

  enabled = !!enabled;
  if (enabled == self->enabled)
    return;
  self->enabled = enabled;
  queue_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

gboolean
ladder_minimap_get_enabled (LadderMinimap *self)
{
  g_return_val_if_fail (LADDER_IS_MINIMAP (self), FALSE);
  return self->enabled;
}

static void
ladder_minimap_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LadderMinimap *self = LADDER_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_minimap_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  LadderMinimap *self = LADDER_MINIMAP (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      ladder_minimap_set_enabled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ladder_minimap_dispose (GObject *object)
{
  LadderMinimap *self = LADDER_MINIMAP (object);

  g_clear_handle_id (&self->sync_idle, g_source_remove);
  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  g_clear_pointer (&self->picture, gsk_render_node_unref);
  self->canvas = NULL;
  self->document = NULL;
  G_OBJECT_CLASS (ladder_minimap_parent_class)->dispose (object);
}

static void
ladder_minimap_finalize (GObject *object)
{
  LadderMinimap *self = LADDER_MINIMAP (object);

  g_clear_pointer (&self->map, ladder_team_map_free);
  G_OBJECT_CLASS (ladder_minimap_parent_class)->finalize (object);
}

static void
ladder_minimap_class_init (LadderMinimapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ladder_minimap_get_property;
  object_class->set_property = ladder_minimap_set_property;
  object_class->dispose = ladder_minimap_dispose;
  object_class->finalize = ladder_minimap_finalize;
  widget_class->snapshot = ladder_minimap_snapshot;
  widget_class->measure = ladder_minimap_measure;
  widget_class->size_allocate = ladder_minimap_size_allocate;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ladder_minimap_class_init_input (widget_class);
  gtk_widget_class_set_css_name (widget_class, "laddermap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ladder_minimap_init (LadderMinimap *self)
{
  self->map = ladder_team_map_new ();
  self->hover = LADDER_NONE;
  self->enabled = TRUE;
  self->blocks_dirty = TRUE;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  ladder_minimap_init_input (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The whole chart's top levels, each team as wide as its "
                                    "size, with the part in view marked; click a team to go "
                                    "to it, drag or use the arrow keys to move the view"),
                                  -1);
}

GtkWidget *
ladder_minimap_new (void)
{
  return g_object_new (LADDER_TYPE_MINIMAP, NULL);
}
