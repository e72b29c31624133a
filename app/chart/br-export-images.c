/* br-export-images.c: the images export workers draw PNGs in
 *
 * An image at 1080p is 8 MB. Each is made once, in huge pages where the kernel has
 * them and with its pages faulted in at once, ideally on a worker while the first chart
 * is laid out; a chart's worker takes one, and gives it back for the next chart once
 * its PNGs are encoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "br-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "br-export-private.h"

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#if defined(__linux__) && defined(MADV_HUGEPAGE)
#define HUGE_PAGE (2 * 1024 * 1024)

typedef struct
{
  void  *data;
  size_t size;
} Mapping;

static void
mapping_free (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}

static const cairo_user_data_key_t mapping_key;

/* Image memory in huge pages where the kernel has them, its pages faulted in now: an
 * image at 1080p is 8 MB, 2025 page faults in small pages and 4 in huge ones. */
static cairo_surface_t *
image_new_mapped (cairo_format_t format,
                  int            width,
                  int            height)
{
  int stride = cairo_format_stride_for_width (format, width);
  size_t size, span;
  cairo_surface_t *image;
  Mapping *mapping;
  guint8 *base, *data;
  long page = sysconf (_SC_PAGESIZE);

  if (stride <= 0 || page <= 0)
    return NULL;

  size = ((size_t)stride * height + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
  span = size + HUGE_PAGE;
  base = mmap (NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED)
    return NULL;

  /* keep only a stretch aligned to a huge page */
  data = (guint8 *)(((guintptr)base + HUGE_PAGE - 1) & ~(guintptr)(HUGE_PAGE - 1));
  if (data > base)
    munmap (base, data - base);
  if (base + span > data + size)
    munmap (data + size, base + span - (data + size));

  madvise (data, size, MADV_HUGEPAGE);
  for (size_t at = 0; at < size; at += page)
    data[at] = 0;

  image = cairo_image_surface_create_for_data (data, format, width, height, stride);
  mapping = g_new (Mapping, 1);
  mapping->data = data;
  mapping->size = size;
  if (cairo_surface_set_user_data (image, &mapping_key, mapping, mapping_free) !=
      CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      mapping_free (mapping);
      return NULL;
    }

  return image;
}
#endif

static cairo_surface_t *
image_new (BrImagePool *pool)
{
  cairo_surface_t *image = NULL;

#if defined(__linux__) && defined(MADV_HUGEPAGE)
  image = image_new_mapped (pool->format, pool->width, pool->height);
#endif
  if (image == NULL)
    image = cairo_image_surface_create (pool->format, pool->width, pool->height);
  cairo_surface_set_device_scale (image, pool->scale, pool->scale);

  return image;
}

/* A pool of images for charts @width × @height at @scale */
void
_br_image_pool_init (BrImagePool    *pool,
                     cairo_format_t  format,
                     double          width,
                     double          height,
                     double          scale)
{
  g_mutex_init (&pool->lock);
  g_cond_init (&pool->made);
  pool->images = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);
  pool->n_making = 0;
  pool->format = format;
  pool->width = (int)ceil (width * scale);
  pool->height = (int)ceil (height * scale);
  pool->scale = scale;
}

void
_br_image_pool_clear (BrImagePool *pool)
{
  g_clear_pointer (&pool->images, g_ptr_array_unref);
  g_mutex_clear (&pool->lock);
  g_cond_clear (&pool->made);
}

/* An image for one chart: one left free by a chart before, or made ahead, or a new one */
cairo_surface_t *
_br_image_pool_take (BrImagePool *pool)
{
  cairo_surface_t *image = NULL;

  g_mutex_lock (&pool->lock);
  while (pool->images->len == 0 && pool->n_making > 0)
    g_cond_wait (&pool->made, &pool->lock);
  if (pool->images->len > 0)
    image = g_ptr_array_steal_index_fast (pool->images, pool->images->len - 1);
  g_mutex_unlock (&pool->lock);

  return image != NULL ? image : image_new (pool);
}

void
_br_image_pool_give (BrImagePool     *pool,
                     cairo_surface_t *image)
{
  g_mutex_lock (&pool->lock);
  g_ptr_array_add (pool->images, image);
  g_mutex_unlock (&pool->lock);
}

/* @n images will be made ahead: _br_image_pool_take() waits for them rather than make
 * one more */
void
_br_image_pool_expect (BrImagePool *pool,
                       guint        n)
{
  g_mutex_lock (&pool->lock);
  pool->n_making += n;
  g_mutex_unlock (&pool->lock);
}

/* One of the images expected, made now (on a worker, its memory faulted in while a core
 * is free); or, when @make is FALSE, one that will not come after all */
void
_br_image_pool_make (BrImagePool *pool,
                     gboolean     make)
{
  cairo_surface_t *image = make ? image_new (pool) : NULL;

  g_mutex_lock (&pool->lock);
  if (image != NULL)
    g_ptr_array_add (pool->images, image);
  pool->n_making--;
  g_cond_broadcast (&pool->made);
  g_mutex_unlock (&pool->lock);
}
