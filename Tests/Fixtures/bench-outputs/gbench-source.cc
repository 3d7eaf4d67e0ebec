#include <benchmark/benchmark.h>
#include <string>
#include <vector>
#include <algorithm>
static void BM_sort(benchmark::State& state) {
  std::vector<int> v(state.range(0));
  for (auto _ : state) {
    for (size_t i = 0; i < v.size(); ++i) v[i] = (i * 7919) % 1000;
    std::sort(v.begin(), v.end());
    benchmark::DoNotOptimize(v.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_sort)->Arg(64)->Arg(1024);
static void BM_concat(benchmark::State& state) {
  for (auto _ : state) { std::string s = std::string(100, 'a') + "b"; benchmark::DoNotOptimize(s); }
}
BENCHMARK(BM_concat);
BENCHMARK_MAIN();
