/* br-document.h: the dataset the window shows, where it came from, and its reloads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "br-model.h"

G_BEGIN_DECLS

#define BR_TYPE_DOCUMENT (br_document_get_type ())

G_DECLARE_FINAL_TYPE (BrDocument, br_document, BR, DOCUMENT, GObject)

BrDocument *br_document_new            (void);
BrDataset  *br_document_get_dataset    (BrDocument *self);
GFile      *br_document_get_file       (BrDocument *self);
GFile      *br_document_get_watched    (BrDocument *self);
gboolean    br_document_get_loading    (BrDocument *self);
gboolean    br_document_load_bundled   (BrDocument *self,
                                        GError    **error);
void        br_document_load_file      (BrDocument *self,
                                        GFile      *file);
void        br_document_reload         (BrDocument *self);
void        br_document_cancel         (BrDocument *self);

G_END_DECLS
