// The report's style sheet (report_css.cpp), embedded in every HTML report so
// the file stands alone. Internal to report/.
#pragma once

namespace gb::report {

extern const char* const kCss;

}  // namespace gb::report
