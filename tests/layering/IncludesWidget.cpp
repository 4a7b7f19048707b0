// Must NOT compile: letdown_core does not link Qt6::Widgets (see tests/CMakeLists.txt).
#include <QWidget>

int probe()
{
    QWidget widget;
    return widget.width();
}
