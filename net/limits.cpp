// The table of limits as Markdown, printed into docs/protocol.md (a test
// compares the two).
#include "limits.hpp"

namespace gb::net {

namespace {

// 65536 -> "65,536"
std::string grouped(std::uint64_t v) {
    std::string digits = std::to_string(v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string amount(const Limit& l) {
    if (l.unit == "bytes" && l.value >= (1u << 20) && l.value % (1u << 20) == 0) return grouped(l.value >> 20) + " MiB";
    if (l.unit == "bytes" && l.value >= 1024 && l.value % 1024 == 0) return grouped(l.value >> 10) + " KiB";
    return grouped(l.value) + " " + std::string(l.unit);
}

}  // namespace

std::string limits_markdown() {
    std::string out = "| limit | value | checked by | why |\n|---|---|---|---|\n";
    for (const Limit& l : kLimits)
        out += "| " + std::string(l.what) + " | " + amount(l) + " | " + std::string(l.checked_by) + " | " +
               std::string(l.reason) + " |\n";
    return out;
}

}  // namespace gb::net
