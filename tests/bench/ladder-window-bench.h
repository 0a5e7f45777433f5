/* ladder-window-bench.h — times the window's open, edits and pans from
 * inside the app (ladder-window-bench.c). */
#pragma once

/* Called once the canvas first draws the chart; runs the steps and ends
 * the app. */
void ladder_window_bench_start (void);
