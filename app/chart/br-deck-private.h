/* br-deck-private.h: what the deck's PDF and PNG writers and the tests read of a deck
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "br-deck.h"

G_BEGIN_DECLS

typedef enum
{
  BR_SLIDE_TITLE,
  BR_SLIDE_CHART,
  BR_SLIDE_SOURCES,
} BrSlideKind;

BrSlideKind    br_deck_get_slide_kind  (BrDeck               *deck,
                                        guint                 index);
GPtrArray     *br_deck_get_sources     (BrDeck               *deck);
BrLanguage     br_deck_get_language    (BrDeck               *deck);
/* br-deck-pdf.c */
gboolean       br_deck_pdf_add_notes   (BrDeck               *deck,
                                        GByteArray           *pdf,
                                        double                width,
                                        double                height);

G_END_DECLS
