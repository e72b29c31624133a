/* br-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "br-cli.h"
#include "br-model.h"

typedef struct
{
  gboolean   validate;
  gboolean   version;
  char     **files;
} Options;

static void options_clear (Options *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->files, g_strfreev);
}

static int
validate_one (GFile *file)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BrDataset) dataset = NULL;

  if (file == NULL)
    {
      dataset = br_dataset_load_bundled (&error);
    }
  else
    {
      BrLimits limits;

      br_limits_init_default (&limits);
      dataset = br_dataset_load_file (file, &limits, NULL, &problems, &error);
    }

  if (dataset == NULL)
    {
      if (problems == NULL || problems->len == 0)
        {
          g_printerr ("%s\n", error->message);
          return BR_EXIT_FAILURE;
        }

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = br_problem_to_string (g_ptr_array_index (problems, i));

          g_printerr ("%s\n", line);
        }

      if (problems->len > 1)
        g_printerr ("%s\n", error->message);

      return BR_EXIT_FAILURE;
    }

  /* TRANSLATORS: the file name, then how many companies and sources it holds */
  g_print (_("%s: valid, %u companies, %u sources\n"), br_dataset_get_display_name (dataset),
           br_dataset_get_n_companies (dataset), br_dataset_get_n_sources (dataset));

  return BR_EXIT_OK;
}

static int
validate (char **files)
{
  int status = BR_EXIT_OK;

  if (files == NULL || files[0] == NULL)
    return validate_one (NULL);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

      if (validate_one (file) != BR_EXIT_OK)
        status = BR_EXIT_FAILURE;
    }

  return status;
}

/**
 * br_cli_run:
 * @exit_status: (out): the status to exit with, when handled
 *
 * Handles the options that need no display (--validate, --version) before GTK is
 * initialised.
 *
 * Returns: %TRUE if the command line was handled and the program should exit
 */
gboolean
br_cli_run (int    *argc,
            char ***argv,
            int    *exit_status)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &options.validate,
      N_("Check dataset files (the bundled one if none is given) and print each problem "
         "as FILE:LINE:COLUMN: PATH: message"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL,
      N_("[FILE.json…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Explore how China’s GPU challengers burn cash against Nvidia."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("burnrate: %s\n", error->message);
      g_printerr (_("Run “burnrate --help” to see the options.\n"));
      *exit_status = BR_EXIT_USAGE;
      return TRUE;
    }

  if (options.version)
    {
      g_print ("burnrate %s\n", PACKAGE_VERSION);
      *exit_status = BR_EXIT_OK;
      return TRUE;
    }

  if (options.validate)
    {
      *exit_status = validate (options.files);
      return TRUE;
    }

  return FALSE;
}
