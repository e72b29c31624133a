/* br-deck.h: the slides of presentation mode and of the slide-deck export
 *
 * A title slide, one slide per chart with the user's choices in presentation type,
 * and as many sources slides as the sources the charts cite need, numbered as the
 * charts' footnotes number them. Each slide has a title, a description in words and
 * speaker notes. The window's presentation mode and the
 * exported deck draw the same slides through the same call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-chart.h"

G_BEGIN_DECLS

#define BR_DECK_TEXT_SCALE 2.2

typedef struct _BrDeck BrDeck;

BrDeck        *br_deck_new             (BrDataset            *dataset,
                                        const BrChartOptions *options,
                                        const GDate          *date);
BrDeck        *br_deck_ref             (BrDeck               *deck);
void           br_deck_unref           (BrDeck               *deck);
guint          br_deck_get_n_slides    (BrDeck               *deck);
void           br_deck_set_theme       (BrDeck               *deck,
                                        BrTheme               theme);
const BrChartOptions *br_deck_get_slide_options (BrDeck      *deck,
                                                 guint        index);
guint          br_deck_find_chart      (BrDeck               *deck,
                                        BrChartKind           kind);
const char    *br_deck_get_slide_title (BrDeck               *deck,
                                        guint                 index);
const char    *br_deck_get_slide_description (BrDeck         *deck,
                                              guint           index);
const char    *br_deck_get_notes       (BrDeck               *deck,
                                        guint                 index);
BrChartLayout *br_deck_draw_slide      (BrDeck               *deck,
                                        guint                 index,
                                        cairo_t              *cr,
                                        double                width,
                                        double                height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BrDeck, br_deck_unref)

G_END_DECLS
