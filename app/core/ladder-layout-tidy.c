/* ladder-layout-tidy.c — places the blocks of a layout as a tidy tree
 *
 * The two walks of van der Ploeg's algorithm (see ladder-layout.c).
 * Apart from the rest of the layout because it is the paper's algorithm
 * and nothing else: it sees blocks with extents and heights, not people,
 * cards or connectors.
 */
#include "config.h"

#include "ladder-layout-private.h"

static inline guint
next_left (LadderLayoutTidy *t, guint v)
{
  return t->n_kids[v] == 0 ? t->tl[v] : t->kids[t->kid_start[v]];
}

static inline guint
next_right (LadderLayoutTidy *t, guint v)
{
  return t->n_kids[v] == 0 ? t->tr[v] : t->kids[t->kid_start[v] + t->n_kids[v] - 1];
}

static void
move_subtree (LadderLayoutTidy *t, const guint *kids, guint i, guint si, double dist)
{
  guint c = kids[i];

  t->mod[c] += dist;
  t->msel[c] += dist;
  t->mser[c] += dist;
  /* Spread the move over the smaller subtrees in between, so that they
   * do not all huddle on the left. */
  if (si != i - 1)
    {
      double nr = i - si;

      t->shift[kids[si + 1]] += dist / nr;
      t->shift[c] -= dist / nr;
      t->change[c] -= dist - dist / nr;
    }
}

static void
separate (LadderLayoutTidy *t, guint v, guint i, guint ih, double gap)
{
  const guint *kids = t->kids + t->kid_start[v];
  guint sr = kids[i - 1], cl = kids[i];
  double mssr = t->mod[sr], mscl = t->mod[cl];

  while (sr != LADDER_NONE && cl != LADDER_NONE)
    {
      double dist, sy, cy;

      while (ih > 0 && t->bottom[sr] > t->iyl_low[ih])
        ih--;
      dist = (mssr + t->prelim[sr] + t->right[sr] + gap) - (mscl + t->prelim[cl] - t->left[cl]);
      if (dist > 0)
        {
          mscl += dist;
          move_subtree (t, kids, i, t->iyl_index[ih], dist);
        }
      sy = t->bottom[sr];
      cy = t->bottom[cl];
      if (sy <= cy)
        {
          sr = next_right (t, sr);
          if (sr != LADDER_NONE)
            mssr += t->mod[sr];
        }
      if (sy >= cy)
        {
          cl = next_left (t, cl);
          if (cl != LADDER_NONE)
            mscl += t->mod[cl];
        }
    }

  /* Thread the shorter side's contour on to the longer one. */
  if (sr == LADDER_NONE && cl != LADDER_NONE)
    {
      guint first = kids[0], li = t->el[first];
      double diff = (mscl - t->mod[cl]) - t->msel[first];

      t->tl[li] = cl;
      t->mod[li] += diff;
      t->prelim[li] -= diff;
      t->el[first] = t->el[kids[i]];
      t->msel[first] = t->msel[kids[i]];
    }
  else if (sr != LADDER_NONE && cl == LADDER_NONE)
    {
      guint ri = t->er[kids[i]];
      double diff = (mssr - t->mod[sr]) - t->mser[kids[i]];

      t->tr[ri] = sr;
      t->mod[ri] += diff;
      t->prelim[ri] -= diff;
      t->er[kids[i]] = t->er[kids[i - 1]];
      t->mser[kids[i]] = t->mser[kids[i - 1]];
    }
}

/* Swaps each block's left and right extents and reverses its children,
 * so that the placement below lays out the mirror image; done again
 * afterwards with @x, whose positions are then negated, it gives back the
 * tree as it was with the mirror image's placement. */
static void
mirror (LadderLayoutTidy *t, double *x)
{
  for (guint v = 0; v < t->n; v++)
    {
      double l = t->left[v];
      guint *kids = t->kids + t->kid_start[v];

      t->left[v] = t->right[v];
      t->right[v] = l;
      for (guint a = 0, b = t->n_kids[v]; a + 1 < b; a++, b--)
        {
          guint s = kids[a];
          kids[a] = kids[b - 1];
          kids[b - 1] = s;
        }
      if (x != NULL)
        x[v] = -x[v];
    }
}

void
ladder_layout_tidy_place (LadderLayoutTidy *t, gboolean mirrored, double *x)
{
  guint n = t->n;

  if (mirrored)
    mirror (t, NULL);

  for (guint v = 0; v < n; v++)
    {
      t->prelim[v] = t->mod[v] = t->shift[v] = t->change[v] = 0;
      t->msel[v] = t->mser[v] = 0;
      t->el[v] = t->er[v] = v;
      t->tl[v] = t->tr[v] = LADDER_NONE;
    }

  /* First walk: children before parents. */
  for (guint v = n; v-- > 0;)
    {
      guint nk = t->n_kids[v];
      const guint *kids = t->kids + t->kid_start[v];
      double gap = v == 0 ? LADDER_ROOT_GAP : LADDER_H_GAP;
      guint top = 0;

      if (nk == 0)
        continue;

      t->iyl_low[0] = t->bottom[t->el[kids[0]]];
      t->iyl_index[0] = 0;
      top = 1;
      for (guint i = 1; i < nk; i++)
        {
          double min_y = t->bottom[t->er[kids[i]]];

          separate (t, v, i, top - 1, gap);
          while (top > 0 && min_y >= t->iyl_low[top - 1])
            top--;
          t->iyl_low[top] = min_y;
          t->iyl_index[top] = i;
          top++;
        }

      t->prelim[v] = (t->prelim[kids[0]] + t->mod[kids[0]]
                      + t->prelim[kids[nk - 1]] + t->mod[kids[nk - 1]]) / 2;
      t->el[v] = t->el[kids[0]];
      t->msel[v] = t->msel[kids[0]];
      t->er[v] = t->er[kids[nk - 1]];
      t->mser[v] = t->mser[kids[nk - 1]];
    }

  /* Second walk: parents before children; msel now holds the sum of the
   * modifiers above each block. */
  for (guint v = 0; v < n; v++)
    {
      guint nk = t->n_kids[v];
      const guint *kids = t->kids + t->kid_start[v];
      double modsum = (v == 0 ? 0 : t->msel[t->parent[v]]) + t->mod[v];
      double d = 0, delta = 0;

      t->msel[v] = modsum;
      x[v] = t->prelim[v] + modsum;
      for (guint i = 0; i < nk; i++)
        {
          d += t->shift[kids[i]];
          delta += d + t->change[kids[i]];
          t->mod[kids[i]] += delta;
        }
    }

  if (mirrored)
    mirror (t, x);
}


void
ladder_layout_tidy_separate_trees (LadderLayoutTidy *t, double *x)
{
  const guint *trees = t->kids + t->kid_start[0];
  guint n_trees = t->n > 0 ? t->n_kids[0] : 0;
  double edge = 0;

  /* Blocks are numbered in pre-order: each tree is one run of them. */
  for (guint i = 0; i < n_trees; i++)
    {
      guint first = trees[i];
      guint end = i + 1 < n_trees ? trees[i + 1] : t->n;
      double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, shift;

      for (guint v = first; v < end; v++)
        {
          lo = MIN (lo, x[v] - t->left[v]);
          hi = MAX (hi, x[v] + t->right[v]);
        }
      shift = i == 0 ? 0 : edge + LADDER_ROOT_GAP - lo;
      for (guint v = first; v < end; v++)
        x[v] += shift;
      edge = hi + shift;
    }
}
