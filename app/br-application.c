/* br-application.c: the application: its window, actions and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-application"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "br-application.h"
#include "br-window.h"

struct _BrApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (BrApplication, br_application, ADW_TYPE_APPLICATION)

static const struct
{
  const char *action;
  const char *accels[2];
} accels[] = {
  { "app.quit", { "<Primary>q", NULL } },
  { "window.close", { "<Primary>w", NULL } },
  { "win.open", { "<Primary>o", NULL } },
  { "win.reload", { "<Primary>r", NULL } },
  { "win.export", { "<Primary>e", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.copy-table", { "<Primary><Shift>c", NULL } },
  { "win.show-table", { "<Primary>t", NULL } },
  { "win.toggle-pane", { "F9", NULL } },
  { "win.show-help-overlay", { "<Primary>question", NULL } },
  { "win.chart::losses", { "<Primary>1", NULL } },
  { "win.chart::rnd", { "<Primary>2", NULL } },
  { "win.chart::customers", { "<Primary>3", NULL } },
  { "win.chart::valuation", { "<Primary>4", NULL } },
  { "win.chart::runway", { "<Primary>5", NULL } },
};

static void
apply_color_scheme (BrApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
color_scheme_changed_cb (BrApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  apply_color_scheme (self);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* closing lets each window save its size */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static GStrv
source_credits (BrWindow *window)
{
  g_autoptr(GStrvBuilder) credits = g_strv_builder_new ();
  BrDataset *dataset = window != NULL ? br_document_get_dataset (br_window_get_document (window))
                                      : NULL;
  BrLanguage language = br_language_from_locale ();

  for (guint i = 0; dataset != NULL && i < br_dataset_get_n_sources (dataset); i++)
    {
      const BrSource *source = br_dataset_get_source (dataset, i);
      g_autofree char *title = g_strdup (br_text_get (&source->title, language));
      g_autofree char *credit = NULL;

      /* AdwAboutWindow reads "Name <email>" and "Name https://…" as links */
      g_strdelimit (title, "<>", ' ');
      if (source->url != NULL && g_str_has_prefix (source->url, "http"))
        credit = g_strdup_printf ("%s: %s %s", source->publisher, title, source->url);
      else
        credit = g_strdup_printf ("%s: %s", source->publisher, title);
      g_strv_builder_add (credits, credit);
    }

  return g_strv_builder_end (credits);
}

/* What a bug report needs: versions, the locale, and the dataset shown */
static char *
troubleshooting_info (BrWindow *window)
{
  BrDocument *document = window != NULL ? br_window_get_document (window) : NULL;
  GFile *file = document != NULL ? br_document_get_file (document) : NULL;
  g_autofree char *path = file != NULL ? g_file_get_parse_name (file) : NULL;

  return g_strdup_printf ("Burnrate %s\nGTK %u.%u.%u\nlibadwaita %u.%u.%u\nGLib %u.%u.%u\n"
                          "Locale: %s\nLanguages: %s\nDataset: %s\n",
                          PACKAGE_VERSION, gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version (), adw_get_major_version (),
                          adw_get_minor_version (), adw_get_micro_version (), glib_major_version,
                          glib_minor_version, glib_micro_version,
                          setlocale (LC_MESSAGES, NULL),
                          g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "",
                          path != NULL ? path : "(bundled)");
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);
  g_auto(GStrv) credits = source_credits (BR_IS_WINDOW (window) ? BR_WINDOW (window) : NULL);
  const char *developers[] = { "The Burnrate developers", NULL };
  g_autofree char *debug_info = troubleshooting_info (BR_IS_WINDOW (window) ? BR_WINDOW (window)
                                                                            : NULL);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Burnrate"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Burnrate developers"),
                        "developers", developers,
                        "comments", _("How China’s GPU challengers burn cash against Nvidia: "
                                      "losses, revenue against R&D, customers and valuation, "
                                      "every figure with its source."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/burnrate/burnrate",
                        "issue-url", "https://github.com/burnrate/burnrate/issues",
                        "support-url", "https://github.com/burnrate/burnrate/issues",
                        "debug-info", debug_info,
                        "debug-info-filename", "burnrate-debug.txt",
                        "translator-credits", _("translator-credits"),
                        NULL);
  if (credits[0] != NULL)
    adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Data sources"),
                                         (const char **)credits);
  gtk_window_present (GTK_WINDOW (about));
}

static BrWindow *
ensure_window (BrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BR_IS_WINDOW (window))
    return BR_WINDOW (window);

  return br_window_new (GTK_APPLICATION (self));
}

static void
show_first_dataset (BrApplication *self,
                    BrWindow      *window)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-dataset");
  g_autoptr(GFile) file = NULL;

  if (br_document_get_dataset (br_window_get_document (window)) != NULL
      || br_document_get_loading (br_window_get_document (window)))
    return;

  if (uri[0] != '\0')
    file = g_file_new_for_uri (uri);

  if (file != NULL && g_file_query_exists (file, NULL))
    br_window_open (window, file);
  else
    br_window_open_bundled (window);
}

static void
br_application_activate (GApplication *app)
{
  BrApplication *self = BR_APPLICATION (app);
  BrWindow *window = ensure_window (self);

  show_first_dataset (self, window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
br_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BrApplication *self = BR_APPLICATION (app);
  BrWindow *window = ensure_window (self);

  /* one dataset a window: the last file named wins */
  if (n_files > 0)
    br_window_open (window, files[n_files - 1]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
br_application_startup (GApplication *app)
{
  BrApplication *self = BR_APPLICATION (app);
  g_autoptr(GAction) color_scheme = NULL;
  const GActionEntry actions[] = {
    { "quit", quit_action },
    { "about", about_action },
  };

  G_APPLICATION_CLASS (br_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  color_scheme = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (self), color_scheme);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
br_application_dispose (GObject *object)
{
  BrApplication *self = BR_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (br_application_parent_class)->dispose (object);
}

static void
br_application_class_init (BrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = br_application_dispose;
  app_class->startup = br_application_startup;
  app_class->activate = br_application_activate;
  app_class->open = br_application_open;
}

static void
br_application_init (BrApplication *self)
{
}

BrApplication *
br_application_new (void)
{
  return g_object_new (BR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/burnrate/Burnrate",
                       NULL);
}

