// Journal files: layout
//   "GBJOURNAL\n"                      10 bytes magic
//   u32 format, u32 header length, u32 header CRC-32, header (cereal portable binary)
//   records: u32 payload length, u32 CRC-32 of (seq + payload), u64 seq, payload
//   payload: the record (cereal portable binary): i32 kind (action, token, close,
//     signature from format 6), then
//     an action record: seat; from format 4 the action's tag (string), before it the
//     i32 index of the Action variant; the action's fields; the state hash after it
//   a deadline record (kind 4, from format 7): i32 turn, phase, i32 timer seconds,
//     bool paused, i64 deadline (ms since 1970), i64 ms left while paused
//   a signature record: u64 the last record it covers, 64-byte Ed25519 signature
//     of the hash chain through it (journal_signing.hpp)
// All integers little-endian.
#include "journal.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <cereal/archives/portable_binary.hpp>

#include "action_decl.hpp"
#include "file_read.hpp"
#include "os_file.hpp"
#include "serialize.hpp"

namespace gb {

template <class Ar>
void serialize(Ar& ar, JournalHeader& h) {
    ar(h.format, h.game, h.name, h.scenario_id);
    if (!has(h.format, JournalFormat::team_codes)) ar(h.scenario_path);
    ar(h.content_hash, h.seed, h.join_code, h.control_code, h.created_unix);
    if (has(h.format, JournalFormat::fork_origin)) ar(h.forked_from, h.fork_point, h.fork_hash);
    if (has(h.format, JournalFormat::embedded_rules)) ar(h.scenario_files);
    if (has(h.format, JournalFormat::team_codes)) ar(h.team_codes);
    if (has(h.format, JournalFormat::signed_records)) ar(h.signing_key);
    if (has(h.format, JournalFormat::deadlines)) ar(h.min_phase_ms);
}
template <class Ar>
void serialize(Ar& ar, ActionRecord& r) {
    ar(r.entry, r.state_hash);
}
template <class Ar>
void serialize(Ar& ar, TokenRecord& r) {
    ar(r.player, r.token);
}
template <class Ar>
void serialize(Ar& ar, CloseRecord& r) {
    ar(r.reason);
}
template <class Ar>
void serialize(Ar& ar, DeadlineRecord& r) {
    ar(r.turn, r.phase, r.timer_seconds, r.paused, r.deadline_unix_ms, r.left_ms);
}

namespace {

constexpr std::int32_t kSignatureKind = 3;
constexpr std::int32_t kDeadlineKind = 4;  // the variant's index 3: after the signature's kind

// A signature record's payload (format 6).
struct SignaturePayload {
    std::uint64_t through = 0;
    std::string signature;  // 64 bytes

    template <class Ar>
    void save(Ar& ar) const {
        ar(kSignatureKind, through, signature);
    }
};

// A record of a format-4 journal: the action named by its declared tag. From
// format 6 it may be a signature instead, which is not a JournalRecord.
struct TaggedRecord {
    JournalRecord* r = nullptr;
    std::optional<SignaturePayload>* signature = nullptr;

    template <class Ar>
    void save(Ar& ar) const {
        auto kind = std::holds_alternative<DeadlineRecord>(*r) ? kDeadlineKind : static_cast<std::int32_t>(r->index());
        ar(kind);
        if (auto* a = std::get_if<ActionRecord>(r)) {
            std::string tag(declaration(a->entry.action).tag);
            ar(a->entry.seat, tag);
            std::visit([&](auto& fields) { ar(fields); }, a->entry.action);
            ar(a->state_hash);
        } else {
            std::visit([&](auto& record) { ar(record); }, *r);
        }
    }
    template <class Ar>
    void load(Ar& ar) {
        std::int32_t kind = -1;
        ar(kind);
        switch (kind) {
            case 0: {
                ActionRecord a;
                std::string tag;
                ar(a.entry.seat, tag);
                auto index = action_index(tag);
                if (!index) throw std::runtime_error("unknown action tag '" + tag.substr(0, 40) + "'");
                a.entry.action = default_action(*index);
                std::visit([&](auto& fields) { ar(fields); }, a.entry.action);
                ar(a.state_hash);
                *r = std::move(a);
                return;
            }
            case 1: *r = TokenRecord{}; break;
            case 2: *r = CloseRecord{}; break;
            case kDeadlineKind: *r = DeadlineRecord{}; break;
            case kSignatureKind:
                if (signature) {
                    SignaturePayload sp;
                    ar(sp.through, sp.signature);
                    if (sp.signature.size() != std::tuple_size_v<Signature>)
                        throw std::runtime_error("a signature of " + std::to_string(sp.signature.size()) + " bytes");
                    *signature = std::move(sp);
                    return;
                }
                [[fallthrough]];
            default: throw std::runtime_error("unknown record kind " + std::to_string(kind));
        }
        std::visit([&](auto& record) { ar(record); }, *r);
    }
};
static_assert(std::variant_size_v<JournalRecord> == 4, "TaggedRecord reads four kinds of record");

constexpr char kMagic[] = "GBJOURNAL\n";
constexpr std::size_t kMagicLen = 10;
constexpr std::size_t kRecordHead = 16;  // length, crc, seq
constexpr std::uint32_t kMaxRecord = 1u << 20;
constexpr std::uint32_t kMaxHeader = 16u << 20;            // it holds the scenario's files
constexpr std::size_t kMaxJournal = std::size_t{1} << 30;  // far more than any game writes

std::array<std::uint32_t, 256> make_table() {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

void put32(std::string& s, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put64(std::string& s, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
std::uint32_t get32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint64_t get64(const unsigned char* p) {
    return static_cast<std::uint64_t>(get32(p)) | (static_cast<std::uint64_t>(get32(p + 4)) << 32);
}

void write_all(int fd, const std::string& bytes, const std::string& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw JournalError(path + ": write failed: " + std::strerror(errno));
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

std::string_view journal_format_name(std::uint32_t format) {
    switch (static_cast<JournalFormat>(format)) {
        case JournalFormat::first: return "first";
        case JournalFormat::fork_origin: return "fork origin";
        case JournalFormat::embedded_rules: return "embedded rules";
        case JournalFormat::action_tags: return "action tags";
        case JournalFormat::team_codes: return "team codes";
        case JournalFormat::signed_records: return "signed records";
        case JournalFormat::deadlines: return "deadlines";
        case JournalFormat::next: break;
    }
    return {};
}

std::uint32_t crc32(const void* data, std::size_t size) {
    static const auto table = make_table();
    std::uint32_t c = 0xFFFFFFFFu;
    auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) c = table[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

JournalRead read_journal(const std::string& path) {
    JournalRead out;
    // Only a regular file: a FIFO or a device named as a journal must not hang or fill memory.
    FileRead file = read_regular_file(path, kMaxJournal);
    if (!file.ok) {
        out.error = file.error;
        return out;
    }
    const std::string& bytes = file.bytes;
    auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t size = bytes.size();
    if (size < kMagicLen + 12 || bytes.compare(0, kMagicLen, kMagic) != 0) {
        out.error = path + ": not a Grand Bargain journal (bad magic or too short)";
        return out;
    }
    std::uint32_t format = get32(p + kMagicLen);
    std::uint32_t hlen = get32(p + kMagicLen + 4);
    std::uint32_t hcrc = get32(p + kMagicLen + 8);
    if (format == 0 || format > kJournalFormat) {
        out.error = path + ": journal format " + std::to_string(format) + " is newer than this build reads (" +
                    std::to_string(kJournalFormat) + ")";
        return out;
    }
    std::size_t pos = kMagicLen + 12;
    if (hlen > kMaxHeader || pos + hlen > size || crc32(p + pos, hlen) != hcrc) {
        out.error = path + ": header is corrupt";
        return out;
    }
    try {
        bounded_decode(bytes.data() + pos, hlen, out.header);
    } catch (const std::exception& e) {
        out.error = path + ": header does not decode: " + e.what();
        return out;
    }
    pos += hlen;
    out.good_bytes = pos;
    const bool chained = has(format, JournalFormat::signed_records);
    if (chained) out.chain = chain_start(bytes.substr(0, pos));
    std::uint64_t expect = 1;
    while (pos < size) {
        std::string where = "record " + std::to_string(expect) + " at byte " + std::to_string(pos);
        auto torn = [&](const std::string& why) {
            out.torn = true;
            out.torn_detail = where + ": " + why;
        };
        if (size - pos < kRecordHead) {
            torn("incomplete record header (" + std::to_string(size - pos) + " bytes)");
            break;
        }
        std::uint32_t len = get32(p + pos), crc = get32(p + pos + 4);
        std::uint64_t seq = get64(p + pos + 8);
        if (len > kMaxRecord) {
            // Without a sane length nothing after can be trusted: torn if at the end, else corrupt.
            if (pos + kRecordHead + 64 >= size)
                torn("implausible length " + std::to_string(len));
            else
                out.error = path + ": " + where + ": implausible length " + std::to_string(len);
            break;
        }
        if (pos + kRecordHead + len > size) {
            torn("cut short: " + std::to_string(size - pos - kRecordHead) + " of " + std::to_string(len) + " bytes");
            break;
        }
        std::uint32_t actual = crc32(p + pos + 8, 8 + len);
        bool last = pos + kRecordHead + len == size;
        if (actual != crc) {
            if (last)
                torn("checksum mismatch");
            else
                out.error = path + ": " + where + ": checksum mismatch";
            break;
        }
        if (seq != expect) {
            out.error = path + ": " + where + ": sequence number " + std::to_string(seq) + ", expected " +
                        std::to_string(expect);
            break;
        }
        JournalRecord r;
        std::optional<SignaturePayload> signature;
        try {
            if (has(format, JournalFormat::action_tags)) {
                TaggedRecord tagged{&r, chained ? &signature : nullptr};
                bounded_decode(bytes.data() + pos + kRecordHead, len, tagged);
            } else {
                bounded_decode(bytes.data() + pos + kRecordHead, len, r);  // the Action variant's index
            }
        } catch (const std::exception& e) {
            out.error = path + ": " + where + ": does not decode: " + e.what();
            break;
        }
        if (std::holds_alternative<DeadlineRecord>(r) && !has(format, JournalFormat::deadlines)) {  // never written
            out.error = path + ": " + where + ": a deadline record in a format-" + std::to_string(format) + " journal";
            break;
        }
        if (signature) {
            JournalRead::SignaturePoint point;
            point.seq = seq;
            point.through = signature->through;
            point.chain = out.chain;
            std::memcpy(point.signature.data(), signature->signature.data(), point.signature.size());
            out.signatures.push_back(point);
        } else {
            if (chained) out.chain = chain_next(out.chain, bytes.data() + pos, kRecordHead + len);
            out.last_record = seq;
            out.records.emplace_back(seq, std::move(r));
        }
        pos += kRecordHead + len;
        out.good_bytes = pos;
        out.next_seq = seq + 1;
        ++expect;
    }
    return out;
}

JournalWriter::~JournalWriter() {
    if (fd_ >= 0) {
        if (dirty_) os::flush_data(fd_);
        os::close(fd_);
    }
}

JournalWriter::JournalWriter(JournalWriter&& o) noexcept {
    *this = std::move(o);
}

JournalWriter& JournalWriter::operator=(JournalWriter&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) os::close(fd_);
        fd_ = o.fd_;
        path_ = std::move(o.path_);
        next_seq_ = o.next_seq_;
        format_ = o.format_;
        dirty_ = o.dirty_;
        end_ = o.end_;
        durable_ = o.durable_;
        cut_pending_ = o.cut_pending_;
        signer_ = o.signer_;
        chain_ = o.chain_;
        last_record_ = o.last_record_;
        signed_through_ = o.signed_through_;
        o.fd_ = -1;
        o.dirty_ = false;
    }
    return *this;
}

JournalWriter JournalWriter::create(const std::string& path, const JournalHeader& header,
                                    const JournalSigner* signer) {
    JournalWriter w;
    w.path_ = path;
    w.signer_ = signer;
    // 0600: a journal holds the control code and every resume token.
    w.fd_ = os::open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0600);
    if (w.fd_ < 0) throw std::runtime_error(path + ": cannot create journal: " + std::strerror(errno));
    JournalHeader newest = header;  // a new journal is always of the newest format
    newest.format = kJournalFormat;
    newest.signing_key.clear();
    if (signer) newest.signing_key.assign(reinterpret_cast<const char*>(signer->public_key().data()), signer->public_key().size());
    std::string h = portable_bytes(newest);
    if (h.size() > kMaxHeader)
        throw std::runtime_error(path + ": journal header too large (" + std::to_string(h.size()) + " bytes)");
    std::string bytes(kMagic, kMagicLen);
    put32(bytes, kJournalFormat);
    put32(bytes, static_cast<std::uint32_t>(h.size()));
    put32(bytes, crc32(h.data(), h.size()));
    bytes += h;
    try {
        write_all(w.fd_, bytes, path);
        if (!os::flush_data(w.fd_)) throw JournalError(path + ": fdatasync failed: " + std::strerror(errno));
    } catch (const JournalError&) {
        // A journal without its whole header must not be left for the next start.
        os::close(w.fd_);
        w.fd_ = -1;
        ::unlink(path.c_str());
        throw;
    }
    w.end_ = bytes.size();
    w.chain_ = chain_start(bytes);
    w.durable_ = w.mark();
    // Make the new file's directory entry durable too.
    std::string dir = path.substr(0, path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/'));
    os::flush_directory(dir);
    return w;
}

JournalWriter JournalWriter::reopen(const std::string& path, const JournalRead& read, const JournalSigner* signer) {
    JournalWriter w;
    const std::uint64_t good_bytes = read.good_bytes;
    w.path_ = path;
    w.next_seq_ = read.next_seq;
    w.end_ = good_bytes;
    w.chain_ = read.chain;
    w.last_record_ = read.last_record;
    w.signed_through_ = read.signatures.empty() ? 0 : read.signatures.back().through;
    w.durable_ = w.mark();
    if (!os::resize(path, good_bytes))
        throw std::runtime_error(path + ": cannot cut the torn record: " + std::strerror(errno));
    w.fd_ = os::open(path, O_WRONLY | O_APPEND);
    if (w.fd_ < 0) throw std::runtime_error(path + ": cannot open journal: " + std::strerror(errno));
    // Journals written by older builds were 0644: they hold codes and tokens too.
    if (!os::make_private(w.fd_))
        throw std::runtime_error(path + ": cannot make the journal private (mode 0600): " + std::strerror(errno));
    // Records go on in the journal's own format.
    std::ifstream in(path, std::ios::binary);
    std::array<char, kMagicLen + 4> head{};
    if (!in.read(head.data(), head.size()) || std::memcmp(head.data(), kMagic, kMagicLen) != 0)
        throw std::runtime_error(path + ": not a Grand Bargain journal");
    w.format_ = get32(reinterpret_cast<const unsigned char*>(head.data()) + kMagicLen);
    if (w.format_ == 0 || w.format_ > kJournalFormat)
        throw std::runtime_error(path + ": journal format " + std::to_string(w.format_) + " is not one this build writes");
    // Signing goes on only with the key the journal names.
    const std::string& key = read.header.signing_key;
    if (signer && has(w.format_, JournalFormat::signed_records) && key.size() == signer->public_key().size() &&
        std::memcmp(key.data(), signer->public_key().data(), key.size()) == 0) {
        w.signer_ = signer;
        if (read.last_record > w.signed_through_) {
            // Records a crash left unsigned: they are on this server's disk, so it signs them now.
            w.dirty_ = true;
            w.sync();
        }
    }
    return w;
}

std::uint64_t JournalWriter::append(const JournalRecord& r) {
    std::string payload;
    if (has(format_, JournalFormat::action_tags))
        payload = portable_bytes(TaggedRecord{const_cast<JournalRecord*>(&r)});
    else
        payload = portable_bytes(r);  // formats 1-3: the Action variant's index
    std::uint64_t seq = next_seq_;
    std::string bytes = write_record(payload);
    if (has(format_, JournalFormat::signed_records)) chain_ = chain_next(chain_, bytes.data(), bytes.size());
    last_record_ = seq;
    return seq;
}

void JournalWriter::sign_pending() {
    if (!signer_ || last_record_ <= signed_through_) return;
    Signature sig = signer_->sign(chain_, last_record_);
    SignaturePayload sp{last_record_, std::string(reinterpret_cast<const char*>(sig.data()), sig.size())};
    write_record(portable_bytes(sp));
    signed_through_ = last_record_;
}

std::string JournalWriter::write_record(const std::string& payload) {
    if (fd_ < 0) throw JournalError(path_ + ": journal is not open");
    if (cut_pending_) {
        if (!os::resize(fd_, end_))
            throw JournalError(path_ + ": cannot cut a failed record: " + std::strerror(errno));
        cut_pending_ = false;
    }
    std::uint64_t seq = next_seq_;
    std::string body;
    put64(body, seq);
    body += payload;
    std::string bytes;
    put32(bytes, static_cast<std::uint32_t>(payload.size()));
    put32(bytes, crc32(body.data(), body.size()));
    bytes += body;
    try {
        write_all(fd_, bytes, path_);
    } catch (const JournalError&) {
        // Nothing of this record may stay: a fragment followed by later records
        // would make the whole journal unreadable.
        if (!os::resize(fd_, end_)) cut_pending_ = true;
        throw;
    }
    end_ += bytes.size();
    next_seq_ = seq + 1;
    dirty_ = true;
    return bytes;
}

void JournalWriter::mark_synced() {
    dirty_ = false;
    durable_ = mark();
}

void JournalWriter::cut(const Mark& m) {
    Mark to = m.end < durable_.end ? durable_ : m;
    if (fd_ < 0 || to.end > end_) return;
    end_ = to.end;
    next_seq_ = to.seq;
    chain_ = to.chain;
    last_record_ = to.last_record;
    signed_through_ = to.signed_through;
    if (!os::resize(fd_, end_)) cut_pending_ = true;
    if (end_ == durable_.end) dirty_ = false;
}

std::uint64_t JournalWriter::roll_back() {
    std::uint64_t dropped = next_seq_ - durable_.seq;
    cut(durable_);
    dirty_ = false;
    return dropped;
}

void JournalWriter::sync_filesystem() {
    if (fd_ < 0) return;
    if (!os::flush_file_system(fd_)) throw JournalError(path_ + ": syncfs failed: " + std::strerror(errno));
    mark_synced();
}

void JournalWriter::sync() {
    if (!dirty_ || fd_ < 0) return;
    sign_pending();
    if (!os::flush_data(fd_)) throw JournalError(path_ + ": fdatasync failed: " + std::strerror(errno));
    mark_synced();
}

}  // namespace gb
