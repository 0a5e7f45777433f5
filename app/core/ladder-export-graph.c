/* ladder-export-graph.c — GraphML for yEd and mxGraph XML for draw.io
 *
 * Both carry Ladder's own layout: each card at its place, the size of a
 * card, a label of two lines (name, title) and the role's colour as the
 * border.  Reporting lines go from the manager to the report; dotted
 * lines from the person to the other end, dashed.
 */
#include "config.h"

#include "ladder-export-private.h"

#include <string.h>

static void
role_colour (LadderCatalogue *catalogue, LadderChart *chart, guint person, char out[8])
{
  const LadderRole *role = NULL;

  if (catalogue != NULL)
    role = ladder_catalogue_lookup_role (catalogue, ladder_chart_get_role (chart, person));
  if (role == NULL)
    {
      strcpy (out, "#98A2B3");
      return;
    }
  g_snprintf (out, 8, "#%02X%02X%02X", (guint) (CLAMP (role->color[0], 0, 1) * 255 + 0.5),
              (guint) (CLAMP (role->color[1], 0, 1) * 255 + 0.5),
              (guint) (CLAMP (role->color[2], 0, 1) * 255 + 0.5));
}

/* Geometry in the C locale whatever the user's ("32.5", not "32,5"). */
typedef struct {
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
  char width[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];
} Geometry;

static void
geometry_of (const LadderBox *box, Geometry *g)
{
  g_ascii_formatd (g->x, sizeof g->x, "%.1f", box->x);
  g_ascii_formatd (g->y, sizeof g->y, "%.1f", box->y);
  g_ascii_formatd (g->width, sizeof g->width, "%.1f", box->width);
  g_ascii_formatd (g->height, sizeof g->height, "%.1f", box->height);
}

/* What both formats say about a card. */
typedef struct {
  const char *name, *title;
  char        colour[8];
  gboolean    vacant;
  Geometry    geometry;
} Card;

static void
card_of (LadderChart *chart, LadderCatalogue *catalogue, LadderLayout *layout, guint person,
         Card *card)
{
  ladder_export_label (chart, catalogue, person, &card->name, &card->title);
  role_colour (catalogue, chart, person, card->colour);
  card->vacant = ladder_chart_get_vacant (chart, person);
  geometry_of (ladder_layout_get_box (layout, person), &card->geometry);
}

static void
graphml_data (LadderTextOut *out, const char *key, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  ladder_text_out_printf (out, "      <data key=\"%s\">", key);
  ladder_text_out_escape (out, text, LADDER_ESCAPE_XML_TEXT);
  ladder_text_out_append (out, "</data>\n");
}

typedef struct {
  LadderTextOut *out;
  guint          n_edges;
  LadderLayout  *layout;
} GraphmlLines;

static void
put_point (LadderTextOut *out, const char *element, const char *x_name, double x,
           const char *y_name, double y)
{
  char xs[G_ASCII_DTOSTR_BUF_SIZE], ys[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (xs, sizeof xs, "%.1f", x);
  g_ascii_formatd (ys, sizeof ys, "%.1f", y);
  ladder_text_out_printf (out, "<%s %s=\"%s\" %s=\"%s\"", element, x_name, xs, y_name, ys);
}

/* The reporting line as Ladder draws it: down the manager's trunk, along
 * the bus, down the stub to the report (or across, for an assistant):
 * ports relative to the cards' centres, bends in chart coordinates. */
static void
graphml_path (LadderTextOut *out, LadderLayout *layout, guint manager, guint report)
{
  const LadderConnector *lines = ladder_layout_get_connector (layout, manager);
  const LadderBox *from = ladder_layout_get_box (layout, manager);
  const LadderBox *to = ladder_layout_get_box (layout, report);
  double x0, y0, x1, y1;

  if (lines == NULL || !ladder_layout_get_link (layout, report, &x0, &y0, &x1, &y1))
    return;
  {
    char sx[G_ASCII_DTOSTR_BUF_SIZE], sy[G_ASCII_DTOSTR_BUF_SIZE];
    char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (sx, sizeof sx, "%.1f", lines->trunk_x - (from->x + from->width / 2));
    g_ascii_formatd (sy, sizeof sy, "%.1f", lines->trunk_y0 - (from->y + from->height / 2));
    g_ascii_formatd (tx, sizeof tx, "%.1f", x0 - (to->x + to->width / 2));
    g_ascii_formatd (ty, sizeof ty, "%.1f", y0 - (to->y + to->height / 2));
    ladder_text_out_printf (out, "<y:Path sx=\"%s\" sy=\"%s\" tx=\"%s\" ty=\"%s\">",
                            sx, sy, tx, ty);
  }
  put_point (out, "y:Point", "x", lines->trunk_x, "y", y1);
  ladder_text_out_append (out, "/>");
  if (x1 != lines->trunk_x)
    {
      put_point (out, "y:Point", "x", x1, "y", y1);
      ladder_text_out_append (out, "/>");
    }
  ladder_text_out_append (out, "</y:Path>");
}

static void
graphml_edge (LadderChart *chart, guint from, guint to, gboolean dashed, guint index,
              gpointer data)
{
  GraphmlLines *lines = data;

  ladder_text_out_printf (lines->out,
    "    <edge id=\"e%u\" source=\"%s\" target=\"%s\">\n"
    "      <data key=\"d1\"><y:PolyLineEdge>",
    lines->n_edges++, ladder_chart_get_id (chart, from), ladder_chart_get_id (chart, to));
  if (!dashed)
    graphml_path (lines->out, lines->layout, from, to);
  ladder_text_out_printf (lines->out,
    "<y:LineStyle color=\"%s\" type=\"%s\" width=\"%s\"/>"
    "<y:Arrows source=\"none\" target=\"%s\"/></y:PolyLineEdge></data>\n"
    "    </edge>\n",
    dashed ? "#667085" : "#98A2B3", dashed ? "dashed" : "line",
    dashed ? "1.0" : "1.5", dashed ? "standard" : "none");
}

gboolean
ladder_export_write_graphml (LadderChart *chart, LadderCatalogue *catalogue,
                             LadderLayout *layout, LadderTextOut *out)
{
  g_autofree guint *people = NULL;
  GraphmlLines lines = { out, 0, layout };
  guint n;

  people = ladder_export_people (chart, &n);
  ladder_text_out_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    " xmlns:y=\"http://www.yworks.com/xml/graphml\""
    " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    " http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd\">\n"
    "  <key id=\"d0\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "  <key id=\"d1\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n"
    "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"role\" for=\"node\" attr.name=\"role\" attr.type=\"string\"/>\n"
    "  <key id=\"title\" for=\"node\" attr.name=\"title\" attr.type=\"string\"/>\n"
    "  <key id=\"note\" for=\"node\" attr.name=\"description\" attr.type=\"string\"/>\n"
    "  <key id=\"vacant\" for=\"node\" attr.name=\"vacant\" attr.type=\"boolean\"/>\n"
    "  <key id=\"label\" for=\"graph\" attr.name=\"label\" attr.type=\"string\"/>\n"
    "  <graph id=\"chart\" edgedefault=\"directed\">\n");
  if (ladder_chart_get_title (chart) != NULL)
    graphml_data (out, "label", ladder_chart_get_title (chart));

  for (guint i = 0; i < n; i++)
    {
      guint p = people[i];
      Card c;

      card_of (chart, catalogue, layout, p, &c);
      ladder_text_out_printf (out, "    <node id=\"%s\">\n", ladder_chart_get_id (chart, p));
      graphml_data (out, "name", ladder_chart_get_name (chart, p));
      graphml_data (out, "role", ladder_chart_get_role (chart, p));
      graphml_data (out, "title", ladder_chart_get_person_title (chart, p));
      graphml_data (out, "note", ladder_chart_get_note (chart, p));
      if (c.vacant)
        graphml_data (out, "vacant", "true");
      ladder_text_out_printf (out,
        "      <data key=\"d0\">\n"
        "        <y:ShapeNode>\n"
        "          <y:Geometry x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>\n"
        "          <y:Fill color=\"%s\" transparent=\"false\"/>\n"
        "          <y:BorderStyle color=\"%s\" type=\"%s\" width=\"2.0\"/>\n"
        "          <y:NodeLabel alignment=\"center\" autoSizePolicy=\"content\""
        " modelName=\"internal\" modelPosition=\"c\">",
        c.geometry.x, c.geometry.y, c.geometry.width, c.geometry.height,
        c.vacant ? "#F9FAFB" : "#FFFFFF", c.colour, c.vacant ? "dashed" : "line");
      ladder_text_out_escape (out, c.name, LADDER_ESCAPE_XML);
      ladder_text_out_append (out, "\n");
      ladder_text_out_escape (out, c.title, LADDER_ESCAPE_XML);
      ladder_text_out_append (out, "</y:NodeLabel>\n"
                                   "          <y:Shape type=\"roundrectangle\"/>\n"
                                   "        </y:ShapeNode>\n"
                                   "      </data>\n"
                                   "    </node>\n");
    }
  ladder_export_each_line (chart, people, n, graphml_edge, &lines);
  ladder_text_out_append (out, "  </graph>\n</graphml>\n");
  return !out->failed;
}

static void
drawio_edge (LadderChart *chart, guint from, guint to, gboolean dotted, guint index,
             gpointer data)
{
  const char *from_id = ladder_chart_get_id (chart, from);
  const char *to_id = ladder_chart_get_id (chart, to);

  if (!dotted)
    ladder_text_out_printf (data,
      "        <mxCell id=\"line-%s\" style=\"edgeStyle=orthogonalEdgeStyle;rounded=0;"
      "endArrow=none;strokeColor=#98A2B3;exitX=0.5;exitY=1;entryX=0.5;entryY=0;\""
      " edge=\"1\" parent=\"1\" source=\"person-%s\" target=\"person-%s\">\n"
      "          <mxGeometry relative=\"1\" as=\"geometry\"/>\n"
      "        </mxCell>\n",
      to_id, from_id, to_id);
  else
    ladder_text_out_printf (data,
      "        <mxCell id=\"dotted-%s-%u\" style=\"dashed=1;endArrow=open;"
      "strokeColor=#667085;curved=1;\" edge=\"1\" parent=\"1\" source=\"person-%s\""
      " target=\"person-%s\">\n"
      "          <mxGeometry relative=\"1\" as=\"geometry\"/>\n"
      "        </mxCell>\n",
      from_id, index, from_id, to_id);
}

gboolean
ladder_export_write_drawio (LadderChart *chart, LadderCatalogue *catalogue,
                            LadderLayout *layout, LadderTextOut *out)
{
  g_autofree guint *people = NULL;
  const char *chart_title = ladder_chart_get_title (chart);
  double width, height;
  guint n;

  people = ladder_export_people (chart, &n);
  ladder_layout_get_extents (layout, &width, &height);
  ladder_text_out_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<mxfile host=\"Ladder\">\n  <diagram id=\"ladder\" name=\"");
  ladder_text_out_escape (out, chart_title != NULL && *chart_title != '\0' ? chart_title : "Chart",
                          LADDER_ESCAPE_XML);
  ladder_text_out_printf (out, "\">\n    <mxGraphModel grid=\"1\" gridSize=\"8\" page=\"0\""
                               " pageWidth=\"%.0f\" pageHeight=\"%.0f\">\n"
                               "      <root>\n"
                               "        <mxCell id=\"0\"/>\n"
                               "        <mxCell id=\"1\" parent=\"0\"/>\n",
                          MAX (width, 1), MAX (height, 1));
  /* Cell ids get a prefix: a person's id may be "0" or "1". */
  for (guint i = 0; i < n; i++)
    {
      guint p = people[i];
      Card c;

      card_of (chart, catalogue, layout, p, &c);
      ladder_text_out_printf (out, "        <mxCell id=\"person-%s\" value=\"",
                              ladder_chart_get_id (chart, p));
      ladder_text_out_escape (out, c.name, LADDER_ESCAPE_XML);
      ladder_text_out_append (out, "&#10;");
      ladder_text_out_escape (out, c.title, LADDER_ESCAPE_XML);
      ladder_text_out_printf (out, "\" style=\"rounded=1;whiteSpace=wrap;html=0;fillColor=%s;"
                                   "strokeColor=%s;strokeWidth=2;%s\" vertex=\"1\" parent=\"1\">\n"
                                   "          <mxGeometry x=\"%s\" y=\"%s\" width=\"%s\""
                                   " height=\"%s\" as=\"geometry\"/>\n"
                                   "        </mxCell>\n",
                              c.vacant ? "#F9FAFB" : "#FFFFFF", c.colour,
                              c.vacant ? "dashed=1;" : "", c.geometry.x, c.geometry.y,
                              c.geometry.width, c.geometry.height);
    }
  ladder_export_each_line (chart, people, n, drawio_edge, out);
  ladder_text_out_append (out, "      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n");
  return !out->failed;
}
