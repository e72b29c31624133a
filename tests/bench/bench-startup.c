/* bench-startup.c: from exec to the first chart frame on screen
 *
 * Starts bench-startup-window (burnrate-window with a probe) again and again: the probe
 * prints the monotonic time once the frame holding the first chart has been painted,
 * and quits. Needs a display (run under `xvfb-run -a`); without one it skips.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bench-common.h"

#define N_RUNS 11
#define TARGET_MS 250.0

/* one start; returns milliseconds, or a negative number on failure */
static double
run_once (const char  *program,
          char       **envp)
{
  const char *argv[] = { program, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  gint64 start, frame;
  int status;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     &error))
    {
      printf ("# %s\n", error->message);
      return -1;
    }

  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    {
      printf ("# no frame reported (status %d): %s\n", status, err != NULL ? err : "");
      return -1;
    }

  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return (frame - start) / 1000.;
}

/* the median of N_RUNS starts, or a negative number when a start reported no frame */
static double
measure (const char  *program,
         char       **envp)
{
  double runs[N_RUNS];

  /* one start to warm the page cache, not counted */
  run_once (program, envp);
  for (guint i = 0; i < N_RUNS; i++)
    {
      runs[i] = run_once (program, envp);
      if (runs[i] < 0)
        return -1;
      printf ("# run %2u: %.1f ms\n", i + 1, runs[i]);
    }

  qsort (runs, N_RUNS, sizeof runs[0], bench_compare_doubles);
  printf ("# min %.1f ms, max %.1f ms\n", runs[0], runs[N_RUNS - 1]);

  return runs[N_RUNS / 2];
}

static gboolean
report (guint        number,
        const char  *renderer,
        double       median,
        const char  *directive)
{
  gboolean ok = median >= 0 && median <= TARGET_MS;

  if (median < 0)
    printf ("not ok %u - start-up with the %s renderer: no frame reported%s\n", number, renderer,
            directive);
  else
    printf ("%s %u - start-up to the first chart frame, %s renderer: median %.1f ms of %d runs "
            "(target %.0f ms)%s\n", ok ? "ok" : "not ok", number, renderer, median, N_RUNS,
            TARGET_MS, directive);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) cairo_envp = NULL;
  const char *renderer = g_getenv ("GSK_RENDERER");
  gboolean ok;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s PATH-TO-BENCH-STARTUP-WINDOW\n", argv[0]);
      return 2;
    }

  printf ("1..2\n");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("ok 1 # SKIP no display: run under xvfb-run -a\n");
      printf ("ok 2 # SKIP no display: run under xvfb-run -a\n");
      return 0;
    }

  /* without a session bus GLib would try to autolaunch one on every start */
  envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", "disabled:", FALSE);

  /* Xvfb has no GPU: GTK's GL renderer runs on llvmpipe there, which no user with a GPU
   * sees; the cairo renderer is what a GPU-less X server gives. The target holds for
   * that one; the GL figure is reported, as TODO when over. */
  cairo_envp = g_environ_setenv (g_strdupv (envp), "GSK_RENDERER", "cairo", TRUE);
  ok = report (1, "cairo", measure (argv[1], cairo_envp), "");
  report (2, renderer != NULL ? renderer : "default (GL)", measure (argv[1], envp),
          " # TODO software GL under Xvfb");

  return ok ? 0 : 1;
}
