/* br-json-reader-private.h: typed reading of a json-glib tree
 *
 * Each getter checks the type of what it reads and, when it is wrong or missing,
 * records a fault with the JSON path it stands at, so that a file's every problem is
 * reported at once and can later be given its line and column (br-problem.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *path;
  char *message;
} BrJsonFault;

typedef struct
{
  GString   *path;        /* where the reader stands, "$.companies[2].name" */
  GPtrArray *faults;      /* BrJsonFault, up to max_faults */
  guint      n_faults;    /* including those past the cap */
  guint      max_faults;
} BrJsonReader;

/* a length of the path to go back to */
typedef gsize BrJsonMark;

/* Reads one element of an array, the path set to it; @context is what the caller of
 * _br_json_read_objects() passed */
typedef void (*BrJsonReadFunc) (gpointer    context,
                                JsonObject *object,
                                guint       index,
                                gpointer    data);

void        _br_json_reader_init    (BrJsonReader       *r,
                                     guint               max_faults);
void        _br_json_reader_clear   (BrJsonReader       *r);
BrJsonMark  _br_json_push_member    (BrJsonReader       *r,
                                     const char         *name);
BrJsonMark  _br_json_push_index     (BrJsonReader       *r,
                                     guint               index);
void        _br_json_pop            (BrJsonReader       *r,
                                     BrJsonMark          mark);
void        _br_json_report_valist  (BrJsonReader       *r,
                                     const char         *member,
                                     const char         *format,
                                     va_list             args) G_GNUC_PRINTF (3, 0);
const char *_br_json_node_type_name (JsonNode           *node);
const char *_br_json_type_name_at   (char                first);
gboolean    _br_json_is_string      (JsonNode           *node);
JsonNode   *_br_json_member         (BrJsonReader       *r,
                                     JsonObject         *object,
                                     const char         *name,
                                     gboolean            required);
void        _br_json_check_members  (BrJsonReader       *r,
                                     JsonObject         *object,
                                     const char * const *allowed);
gboolean    _br_json_get_string     (BrJsonReader       *r,
                                     JsonObject         *object,
                                     const char         *name,
                                     gboolean            required,
                                     const char        **out);
gboolean    _br_json_get_number     (BrJsonReader       *r,
                                     JsonObject         *object,
                                     const char         *name,
                                     gboolean            required,
                                     double             *out);
JsonArray  *_br_json_get_array      (BrJsonReader       *r,
                                     JsonObject         *object,
                                     const char         *name,
                                     gboolean            required);
gboolean    _br_json_get_enum       (BrJsonReader       *r,
                                     JsonObject         *object,
                                     const char         *name,
                                     gboolean            required,
                                     const char * const *names,
                                     guint              *out);
void        _br_json_read_objects   (BrJsonReader       *r,
                                     const char         *name,
                                     JsonArray          *array,
                                     guint               n,
                                     BrJsonReadFunc      read,
                                     gpointer            context,
                                     gpointer            data);

G_END_DECLS
