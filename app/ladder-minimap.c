/* ladder-minimap.c — the overview map over the canvas
 *
 * The blocks are drawn once into a render node and kept until the chart,
 * its findings or the map's size change; a move of the view only draws
 * the marker again (as sysprof's flame graph keeps its picture and draws
 * the hover on top).  The mapping between the map and the layout comes
 * from ladder-team-map.c; the view moves through the canvas's scroll
 * adjustments, as a scroll bar would move it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ladder-describe.h"
#include "ladder-minimap.h"
#include "ladder-settings.h"

#define MAP_WIDTH   220
#define MAP_HEIGHT  136
#define INSET       8.0    /* between the card's edge and the blocks */
#define ROW_MIN     14.0   /* the lowest row of blocks worth drawing */
#define BLOCK_MIN   3.0    /* the narrowest block, in pixels */
#define MARKER_MIN  6.0
#define CLICK_SLOP  4.0    /* a press that moves less is a click */
/* A smaller view is left to the chart. */
#define MIN_VIEW_WIDTH  (MAP_WIDTH * 2)
#define MIN_VIEW_HEIGHT (MAP_HEIGHT * 2 + 80)

enum {
  PROP_0,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _LadderMinimap {
  GtkWidget       parent_instance;

  /* borrowed */
  LadderCanvas   *canvas;
  LadderDocument *document;

  LadderTeamMap  *map;
  gboolean        blocks_dirty;
  gboolean        anchors_dirty;
  double          built_width, built_height;   /* the box the blocks fit */
  GskRenderNode  *picture;                     /* the blocks; NULL: draw again */
  guint           hover;                       /* the block under the pointer */
  gboolean        enabled;
  guint           sync_idle;
  guint           rebuild_idle;

  /* the pointer between press and release */
  gboolean        pressed, grabbed, dragged;
  double          press_x, press_y;
  double          grab_dx, grab_dy;            /* from the marker's centre */
};

G_DEFINE_FINAL_TYPE (LadderMinimap, ladder_minimap, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------- geometry */

void
ladder_minimap_get_box (LadderMinimap *self, graphene_rect_t *rect)
{
  g_return_if_fail (LADDER_IS_MINIMAP (self));
  g_return_if_fail (rect != NULL);

  graphene_rect_init (rect, INSET, INSET,
                      MAX (1.0, gtk_widget_get_width (GTK_WIDGET (self)) - 2 * INSET),
                      MAX (1.0, gtk_widget_get_height (GTK_WIDGET (self)) - 2 * INSET));
}

/* The blocks as the chart is now; @in_frame: unless an edit made them
 * stale and the idle after it will build them (once the chart has been
 * checked), so that an edit's frame only draws the marker. */
static LadderTeamMap *
ensure_map (LadderMinimap *self, gboolean in_frame)
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
  return ensure_map (self, FALSE);
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

static void
marker_rect (LadderMinimap *self, LadderTeamMap *map, graphene_rect_t *rect)
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
  marker_rect (self, ensure_map (self, FALSE), rect);
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
      ensure_map (self, FALSE);
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
  map = ensure_map (self, TRUE);
  if (self->picture == NULL)
    self->picture = draw_blocks (self, &box);
  if (self->picture != NULL)
    gtk_snapshot_append_node (snapshot, self->picture);
  draw_hover (self, snapshot, &box);

  marker_rect (self, map, &marker);
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

/* -------------------------------------------------------------- pointer */

/* Centres the view on the chart place under (@x, @y), along the axes the
 * chart overflows, through the scroll adjustments. */
static void
center_at (LadderMinimap *self, double x, double y)
{
  LadderViewport *viewport = ladder_canvas_get_viewport (self->canvas);
  GtkScrollable *scrollable = GTK_SCROLLABLE (self->canvas);
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (scrollable);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (scrollable);
  double zoom = ladder_viewport_get_zoom (viewport);
  double cw, ch, vw, vh, ox, oy, lx, ly, left, top;
  graphene_rect_t box;

  ladder_minimap_get_box (self, &box);
  ladder_team_map_from_box (ladder_minimap_get_map (self),
                            CLAMP ((x - box.origin.x) / box.size.width, 0.0, 1.0),
                            CLAMP ((y - box.origin.y) / box.size.height, 0.0, 1.0), &lx, &ly);
  ladder_canvas_get_origin (self->canvas, &ox, &oy);
  ladder_viewport_get_content_size (viewport, &cw, &ch);
  ladder_viewport_get_view_size (viewport, &vw, &vh);
  left = lx + ox - vw / zoom / 2.0;
  top = ly + oy - vh / zoom / 2.0;
  if (hadjustment != NULL && cw * zoom > vw)
    gtk_adjustment_set_value (hadjustment, left * zoom);
  if (vadjustment != NULL && ch * zoom > vh)
    gtk_adjustment_set_value (vadjustment, top * zoom);
}

/* The block under (@x, @y) in the widget, or LADDER_NONE. */
static guint
block_at (LadderMinimap *self, double x, double y)
{
  graphene_rect_t box;

  ladder_minimap_get_box (self, &box);
  return ladder_team_map_block_at (self->map, (x - box.origin.x) / box.size.width,
                                   (y - box.origin.y) / box.size.height);
}

/* The marker can be grabbed; elsewhere a click goes somewhere. */
static void
update_cursor (LadderMinimap *self, double x, double y)
{
  graphene_rect_t marker;

  if (self->canvas == NULL)
    return;
  marker_rect (self, self->map, &marker);
  graphene_rect_inset (&marker, -3.0, -3.0);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   graphene_rect_contains_point (&marker,
                                                                 &GRAPHENE_POINT_INIT (x, y))
                                   ? "grab" : "pointer");
}

void
ladder_minimap_step (LadderMinimap *self, int dx, int dy)
{
  GtkScrollable *scrollable;
  GtkAdjustment *adjustment;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (self->canvas == NULL)
    return;
  scrollable = GTK_SCROLLABLE (self->canvas);
  /* As Page Down does in a scrolled view: a screen less a tenth, so
   * the eye keeps a strip of what it saw. */
  adjustment = gtk_scrollable_get_hadjustment (scrollable);
  if (adjustment != NULL && dx != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              dx * gtk_adjustment_get_page_increment (adjustment));
  adjustment = gtk_scrollable_get_vadjustment (scrollable);
  if (adjustment != NULL && dy != 0)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              dy * gtk_adjustment_get_page_increment (adjustment));
}

static gboolean
step_binding (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  ladder_minimap_step (LADDER_MINIMAP (widget), dx, dy);
  return TRUE;
}

void
ladder_minimap_press (LadderMinimap *self, double x, double y)
{
  graphene_rect_t marker;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (self->canvas == NULL)
    return;
  ladder_minimap_get_marker (self, &marker);
  self->pressed = TRUE;
  self->dragged = FALSE;
  self->press_x = x;
  self->press_y = y;
  /* A little around a small marker still grabs it. */
  graphene_rect_inset (&marker, -3.0, -3.0);
  self->grabbed = graphene_rect_contains_point (&marker, &GRAPHENE_POINT_INIT (x, y));
  if (self->grabbed)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->grab_dx = self->grabbed ? x - (marker.origin.x + marker.size.width / 2.0) : 0.0;
  self->grab_dy = self->grabbed ? y - (marker.origin.y + marker.size.height / 2.0) : 0.0;
}

void
ladder_minimap_motion (LadderMinimap *self, double x, double y)
{
  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (!self->pressed)
    return;
  if (!self->dragged && hypot (x - self->press_x, y - self->press_y) < CLICK_SLOP)
    return;
  self->dragged = TRUE;
  center_at (self, x - self->grab_dx, y - self->grab_dy);
}

void
ladder_minimap_release (LadderMinimap *self, double x, double y)
{
  const LadderMapBlock *blocks;
  guint n, index;

  g_return_if_fail (LADDER_IS_MINIMAP (self));

  if (!self->pressed)
    return;
  ladder_minimap_motion (self, x, y);
  self->pressed = FALSE;
  if (self->dragged || self->grabbed)
    {
      update_cursor (self, x, y);
      return;
    }
  ladder_minimap_get_map (self);
  index = block_at (self, x, y);
  blocks = ladder_team_map_get_blocks (self->map, &n);
  if (index != LADDER_NONE && blocks[index].person != LADDER_NONE)
    {
      ladder_canvas_go_to (self->canvas, blocks[index].person, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    center_at (self, x, y);
}

static void
drag_begin_cb (GtkGestureDrag *gesture, double x, double y, LadderMinimap *self)
{
  ladder_minimap_press (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture, double dx, double dy, LadderMinimap *self)
{
  ladder_minimap_motion (self, self->press_x + dx, self->press_y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture, double dx, double dy, LadderMinimap *self)
{
  ladder_minimap_release (self, self->press_x + dx, self->press_y + dy);
}

static void
set_hover (LadderMinimap *self, guint hover)
{
  if (hover == self->hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pointer_motion_cb (GtkEventControllerMotion *controller, double x, double y,
                   LadderMinimap *self)
{
  if (self->pressed)
    return;
  update_cursor (self, x, y);
  set_hover (self, block_at (self, x, y));
}

static void
pointer_leave_cb (LadderMinimap *self)
{
  set_hover (self, LADDER_NONE);
}

char *
ladder_minimap_dup_block_text (LadderMinimap *self, double x, double y)
{
  const LadderMapBlock *block;
  guint n, index;

  g_return_val_if_fail (LADDER_IS_MINIMAP (self), NULL);

  if (self->document == NULL)
    return NULL;
  ladder_minimap_get_map (self);
  index = block_at (self, x, y);
  if (index == LADDER_NONE)
    return NULL;
  block = &ladder_team_map_get_blocks (self->map, &n)[index];
  if (block->person != LADDER_NONE)
    /* TRANSLATORS: a team on the overview map: its head and its size */
    return g_strdup_printf (ngettext ("%s · %u person", "%s · %u people", block->people),
                            ladder_describe_label (ladder_document_get_chart (self->document),
                                                   ladder_document_get_catalogue (self->document),
                                                   block->person),
                            block->people);
  return g_strdup_printf (ngettext ("%u person in small teams", "%u people in small teams",
                                    block->people),
                          block->people);
}

static gboolean
query_tooltip_cb (LadderMinimap *self, int x, int y, gboolean keyboard, GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = ladder_minimap_dup_block_text (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
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

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, step_binding, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, step_binding, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, step_binding, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, step_binding, "(ii)", 0, 1);

  gtk_widget_class_set_css_name (widget_class, "laddermap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ladder_minimap_init (LadderMinimap *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->map = ladder_team_map_new ();
  self->hover = LADDER_NONE;
  self->enabled = TRUE;
  self->blocks_dirty = TRUE;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (pointer_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  /* A stop on Tab after the canvas, where the arrow keys move the view
   * a screen at a time; a click leaves the focus where it was. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
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
