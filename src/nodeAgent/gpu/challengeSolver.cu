// The capacity challenge's lanes on an NVIDIA GPU: one CUDA thread per lane, each lane's memory in device global
// memory. The lane function is the one of src/services/compute/challengeWork.ts (scrypt's ROMix with SHA-256),
// written once as __host__ __device__ code so that `--cpu` runs the very same code on the host: its results can be
// checked on a machine without a GPU.
//
//   nvcc -O3 -o challengeSolver challengeSolver.cu          (GPU and --cpu)
//   g++ -O2 -x c++ -o challengeSolver challengeSolver.cu    (host only: --cpu)
//
// Usage: challengeSolver [--cpu] <seed hex> <first lane> <lane count> <lane KiB>
//          prints one 0x-hex result per lane, in lane order
//        challengeSolver --device
//          prints the CUDA device's name
// Exit codes: 0 done, 2 usage, 3 no usable CUDA device (the reason on stderr), 4 a CUDA error while solving.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#ifdef __CUDACC__
#include <cuda_runtime.h>
#define HD __host__ __device__
#else
#define HD
#endif

enum { EXIT_USAGE = 2, EXIT_NO_DEVICE = 3, EXIT_CUDA_ERROR = 4 };
static const int BLOCK = 32;

HD static inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

#define SHA256_K                                                                                                   \
  {0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,        \
   0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,        \
   0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,        \
   0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,        \
   0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,        \
   0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,        \
   0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,        \
   0xc67178f2}
// SHA-256's round constants: in constant memory on the device (shared by all threads), a plain array on the host.
#ifdef __CUDACC__
__constant__ uint32_t deviceK[64] = SHA256_K;
#endif
#ifdef __CUDA_ARCH__
#define K deviceK
#else
static const uint32_t hostK[64] = SHA256_K;
#define K hostK
#endif

HD static void sha256Compress(uint32_t state[8], const uint8_t chunk[64]) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++)
    w[i] = (uint32_t)chunk[4 * i] << 24 | (uint32_t)chunk[4 * i + 1] << 16 | (uint32_t)chunk[4 * i + 2] << 8 |
           chunk[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6],
           h = state[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

// SHA-256 of a message of at most 55 bytes (one padded block): all the lane ever hashes (seed + lane, or 32 bytes).
HD static void sha256Short(const uint8_t* message, int length, uint8_t out[32]) {
  uint32_t state[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  uint8_t chunk[64];
  for (int i = 0; i < 64; i++) chunk[i] = i < length ? message[i] : 0;
  chunk[length] = 0x80;
  uint32_t bits = (uint32_t)length * 8;
  chunk[62] = (uint8_t)(bits >> 8);
  chunk[63] = (uint8_t)bits;
  sha256Compress(state, chunk);
  for (int i = 0; i < 8; i++) {
    out[4 * i] = (uint8_t)(state[i] >> 24);
    out[4 * i + 1] = (uint8_t)(state[i] >> 16);
    out[4 * i + 2] = (uint8_t)(state[i] >> 8);
    out[4 * i + 3] = (uint8_t)state[i];
  }
}

// One lane: `memory` holds `n` blocks of 32 bytes (laneKib * 1024 / 32), the lane's own.
HD static void solveLane(const uint8_t* seed, int seedLength, uint32_t lane, uint8_t* memory, uint64_t n,
                         uint8_t out[32]) {
  uint8_t message[55];
  for (int i = 0; i < seedLength; i++) message[i] = seed[i];
  message[seedLength] = (uint8_t)(lane >> 24);
  message[seedLength + 1] = (uint8_t)(lane >> 16);
  message[seedLength + 2] = (uint8_t)(lane >> 8);
  message[seedLength + 3] = (uint8_t)lane;
  uint8_t x[BLOCK], mixed[BLOCK];
  sha256Short(message, seedLength + 4, x);
  for (uint64_t i = 0; i < n; i++) {
    for (int k = 0; k < BLOCK; k++) memory[i * BLOCK + k] = x[k];
    sha256Short(x, BLOCK, x);
  }
  for (uint64_t i = 0; i < n; i++) {
    uint32_t head = (uint32_t)x[0] << 24 | (uint32_t)x[1] << 16 | (uint32_t)x[2] << 8 | x[3];
    const uint8_t* block = memory + (head % n) * BLOCK;
    for (int k = 0; k < BLOCK; k++) mixed[k] = x[k] ^ block[k];
    sha256Short(mixed, BLOCK, x);
  }
  for (int k = 0; k < BLOCK; k++) out[k] = x[k];
}

static void printLane(const uint8_t hash[32]) {
  char line[2 + 64 + 2] = "0x";
  for (int k = 0; k < BLOCK; k++) snprintf(line + 2 + 2 * k, 3, "%02x", hash[k]);
  puts(line);
}

static int solveOnHost(const uint8_t* seed, int seedLength, uint32_t first, uint32_t count, uint64_t n) {
  std::vector<uint8_t> memory(n * BLOCK);
  uint8_t out[32];
  for (uint32_t i = 0; i < count; i++) {
    solveLane(seed, seedLength, first + i, memory.data(), n, out);
    printLane(out);
  }
  return 0;
}

#ifdef __CUDACC__
struct Seed {
  uint8_t bytes[48];
};

__global__ void solveLanes(Seed seed, int seedLength, uint32_t first, uint32_t count, uint8_t* memory, uint64_t n,
                           uint8_t* results) {
  uint32_t i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= count) return;
  solveLane(seed.bytes, seedLength, first + i, memory + (uint64_t)i * n * BLOCK, n, results + (uint64_t)i * BLOCK);
}

static int usableDevice() {
  int devices = 0;
  cudaError_t e = cudaGetDeviceCount(&devices);
  if (e != cudaSuccess || devices == 0) {
    fprintf(stderr, "%s\n", e != cudaSuccess ? cudaGetErrorString(e) : "no CUDA device found");
    return 0;
  }
  return 1;
}

static int failed(cudaError_t e) {
  fprintf(stderr, "%s\n", cudaGetErrorString(e));
  return EXIT_CUDA_ERROR;
}

static int solveOnDevice(const uint8_t* seedBytes, int seedLength, uint32_t first, uint32_t count, uint64_t n) {
  Seed seed;
  memcpy(seed.bytes, seedBytes, seedLength);
  size_t freeBytes = 0, totalBytes = 0;
  cudaError_t e = cudaMemGetInfo(&freeBytes, &totalBytes);
  if (e != cudaSuccess) return failed(e);
  // As many lanes at once as three quarters of the free device memory hold.
  uint64_t batch = (uint64_t)(freeBytes / 4 * 3) / (n * BLOCK);
  if (batch == 0) batch = 1;
  if (batch > count) batch = count;
  uint8_t *memory = nullptr, *results = nullptr;
  if ((e = cudaMalloc(&memory, batch * n * BLOCK)) != cudaSuccess) return failed(e);
  if ((e = cudaMalloc(&results, batch * BLOCK)) != cudaSuccess) return failed(e);
  std::vector<uint8_t> host(batch * BLOCK);
  for (uint32_t done = 0; done < count; done += (uint32_t)batch) {
    uint32_t now = count - done < batch ? count - done : (uint32_t)batch;
    int threads = 64;
    solveLanes<<<(now + threads - 1) / threads, threads>>>(seed, seedLength, first + done, now, memory, n, results);
    if ((e = cudaGetLastError()) != cudaSuccess) return failed(e);
    if ((e = cudaMemcpy(host.data(), results, now * BLOCK, cudaMemcpyDeviceToHost)) != cudaSuccess) return failed(e);
    for (uint32_t i = 0; i < now; i++) printLane(host.data() + i * BLOCK);
  }
  cudaFree(memory);
  cudaFree(results);
  return 0;
}
#endif

static int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int main(int argc, char** argv) {
  int cpu = argc > 1 && strcmp(argv[1], "--cpu") == 0;
  if (argc == 2 && strcmp(argv[1], "--device") == 0) {
#ifdef __CUDACC__
    if (!usableDevice()) return EXIT_NO_DEVICE;
    cudaDeviceProp prop;
    cudaError_t e = cudaGetDeviceProperties(&prop, 0);
    if (e != cudaSuccess) {
      fprintf(stderr, "%s\n", cudaGetErrorString(e));
      return EXIT_NO_DEVICE;
    }
    puts(prop.name);
    return 0;
#else
    fprintf(stderr, "built without CUDA (host-only build)\n");
    return EXIT_NO_DEVICE;
#endif
  }
  if (argc != 5 + cpu) {
    fprintf(stderr, "usage: %s [--cpu] <seed hex> <first lane> <lane count> <lane KiB> | --device\n", argv[0]);
    return EXIT_USAGE;
  }
  const char* hex = argv[1 + cpu];
  if (hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X')) hex += 2;
  // Like Buffer.from(hex, "hex"): whole bytes up to the first character that is not hex. At most 48 bytes, so that
  // seed and lane fit one SHA-256 block.
  uint8_t seed[48];
  int seedLength = 0;
  while (seedLength < 49 && hexValue(hex[2 * seedLength]) >= 0 && hexValue(hex[2 * seedLength + 1]) >= 0) {
    if (seedLength == 48) {
      fprintf(stderr, "the seed is longer than 48 bytes\n");
      return EXIT_USAGE;
    }
    seed[seedLength] = (uint8_t)(hexValue(hex[2 * seedLength]) << 4 | hexValue(hex[2 * seedLength + 1]));
    seedLength++;
  }
  uint32_t first = (uint32_t)strtoul(argv[2 + cpu], nullptr, 10);
  uint32_t count = (uint32_t)strtoul(argv[3 + cpu], nullptr, 10);
  uint64_t laneKib = strtoull(argv[4 + cpu], nullptr, 10);
  uint64_t n = laneKib * 1024 / BLOCK;
  if (n < 1) n = 1;
  if (cpu) return solveOnHost(seed, seedLength, first, count, n);
#ifdef __CUDACC__
  if (!usableDevice()) return EXIT_NO_DEVICE;
  return solveOnDevice(seed, seedLength, first, count, n);
#else
  fprintf(stderr, "built without CUDA (host-only build)\n");
  return EXIT_NO_DEVICE;
#endif
}
