#pragma once

class QWidget;

// For scripts/bench only: with LETDOWN_BENCH=first-paint the app quits as soon as its
// window has painted once; with LETDOWN_BENCH=trends-all it first opens Trends on all
// weeks. Start-up and peak memory are then measured as whole processes.
namespace BenchHooks {
enum class Mode { None, FirstPaint, TrendsAll };
Mode mode();
void quitAfterFirstPaint(QWidget *window);
} // namespace BenchHooks
