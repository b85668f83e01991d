// The client's idle cost against its floor, measured in one run: first an
// SFML program that draws one full-window textured quad every frame at 60
// frames per second (what any continuously redrawing window costs here),
// then gb-client sitting idle in a game (--benchmark-idle), each for the
// same span; prints each one's CPU time as a share of one core. Then the
// quad's frame time unthrottled, and the client's while the pointer sweeps
// the map (--benchmark-frames), for the frame-time floor.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

double cpu_seconds(int who) {
    rusage u{};
    getrusage(who, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// One full-window textured quad, drawn and presented every frame: for
// `seconds` at 60 frames per second (its CPU time), or for `frames` frames as
// fast as it goes (its frame time).
void quad_floor(int seconds, int frames_wanted, unsigned w, unsigned h) {
    sf::RenderWindow window(sf::VideoMode(w, h), "quad floor");
    window.setFramerateLimit(frames_wanted > 0 ? 0 : 60);
    sf::Image img;
    img.create(w, h, sf::Color(54, 78, 102));
    for (unsigned y = 0; y < h; y += 8)
        for (unsigned x = 0; x < w; ++x) img.setPixel(x, y, sf::Color(200, 190, 170));
    sf::Texture tex;
    tex.loadFromImage(img);
    sf::Sprite quad(tex);
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    double cpu0 = cpu_seconds(RUSAGE_SELF);
    auto t0 = std::chrono::steady_clock::now();
    std::vector<double> ms;
    long frames = 0;
    while (frames_wanted > 0 ? frames < frames_wanted : std::chrono::steady_clock::now() < until) {
        sf::Event e;
        while (window.pollEvent(e)) {
        }
        auto f0 = std::chrono::steady_clock::now();
        window.clear();
        window.draw(quad, sf::RenderStates(sf::BlendNone));
        window.display();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f0).count());
        ++frames;
    }
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = cpu_seconds(RUSAGE_SELF) - cpu0;
    std::sort(ms.begin(), ms.end());
    if (frames_wanted > 0)
        std::printf("floor frame time (one full-window textured quad, unthrottled, %ux%u): %ld frames, p50 %.2f ms, "
                    "p99 %.2f ms\n",
                    w, h, frames, ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]);
    else
        std::printf("floor CPU (one full-window textured quad at 60 fps, %ux%u): %.1f s wall, %.3f s CPU (%.2f%% of a "
                    "core), %ld frames\n",
                    w, h, wall, cpu, 100 * cpu / wall, frames);
    std::fflush(stdout);
}

// Runs gb-client with the measuring flags on a fresh data directory.
int run(const std::string& client, std::vector<std::string> measure, const std::vector<std::string>& game,
        const std::string& data) {
    std::filesystem::remove_all(data);
    std::vector<std::string> args = {client};
    args.insert(args.end(), measure.begin(), measure.end());
    args.insert(args.end(), game.begin(), game.end());
    args.insert(args.end(), {"--data", data});
    std::string line;
    for (auto& a : args) line += a + " ";
    std::printf("client: %s\n", line.c_str());
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        std::vector<char*> av;
        for (auto& a : args) av.push_back(a.data());
        av.push_back(nullptr);
        execv(av[0], av.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string client = argc > 1 ? argv[1] : "";
    int seconds = argc > 2 ? std::atoi(argv[2]) : 30;
    if (client.empty() || seconds <= 0) {
        std::fprintf(stderr, "usage: gb_client_idle_bench PATH/TO/gb-client [SECONDS=30] [CLIENT ARGS...]\n");
        return 2;
    }
    quad_floor(seconds, 0, 1280, 720);
    quad_floor(0, 600, 1280, 720);
    std::vector<std::string> game = {"--host-local", "--seat", "control", "--bots", "none", "--port", "0"};
    if (argc > 3) game.assign(argv + 3, argv + argc);
    int rc = run(client, {"--benchmark-idle", std::to_string(seconds)}, game, "/tmp/gb-idle-bench");
    // Frame time while things change: the pointer sweeping the map.
    rc |= run(client, {"--benchmark-frames", "600", "--benchmark-mouse", "board"}, game, "/tmp/gb-idle-bench-frames");
    return rc;
}
