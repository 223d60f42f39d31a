// SPDX-License-Identifier: BSL-1.0
// libtorch's C++ autograd on every workload: the n-th derivative by n calls
// of torch::autograd::grad with create_graph, as PyTorch users write it.
// BM_<workload>_torch/<order>. Built when libtorch-dev is installed
// (meson option `torch`). libtorch uses its default intra-op threads (all
// cores); the thread count is reported as a counter.
#include "workloads.hpp"

#include <torch/torch.h>

namespace {
/// The n-th derivative of y with respect to x (elementwise for arrays: the
/// gradient of the sum).
template <int N>
torch::Tensor nth_grad(const torch::Tensor& x, torch::Tensor y) {
  for (int k = 0; k < N; ++k)
    y = torch::autograd::grad({y.sum()}, {x}, {}, /*retain_graph=*/true, /*create_graph=*/true)[0];
  return y;
}

template <class F>
auto nth(F f) {
  return [f]<int N>(bench::order<N>, double v) {
    const auto x = torch::tensor(v, torch::kFloat64).requires_grad_(true);
    return nth_grad<N>(x, f(x)).template item<double>();
  };
}
}  // namespace

int main(int argc, char** argv) {
  bench::register_functions("torch", [](auto f) { return nth(f); });
  bench::register_rosenbrock("torch", []<int N>(bench::order<N>, double a, double b) {
    const auto x0 = torch::tensor(a, torch::kFloat64).requires_grad_(true);
    const auto x1 = torch::tensor(b, torch::kFloat64).requires_grad_(true);
    const auto r = bench::fn::rosenbrock(x0, x1);
    const auto g = torch::autograd::grad({r}, {x0, x1}, {}, true, /*create_graph=*/N > 1);
    if constexpr (N == 1) {
      return std::array<double, 2>{g[0].item<double>(), g[1].item<double>()};
    } else {
      std::array<double, 6> out{g[0].item<double>(), g[1].item<double>()};
      for (int i = 0; i < 2; ++i) {
        const auto h = torch::autograd::grad({g[static_cast<std::size_t>(i)]}, {x0, x1}, {}, true, false,
                                             /*allow_unused=*/true);
        out[static_cast<std::size_t>(2 + 2 * i)] = h[0].defined() ? h[0].item<double>() : 0.0;
        out[static_cast<std::size_t>(3 + 2 * i)] = h[1].defined() ? h[1].item<double>() : 0.0;
      }
      return out;
    }
  });
  bench::register_array(
      "torch",
      []<int N>(bench::order<N>, const std::vector<double>& xs) {
        const auto x = torch::from_blob(const_cast<double*>(xs.data()),
                                        {static_cast<std::int64_t>(xs.size())}, torch::kFloat64)
                           .clone()
                           .requires_grad_(true);
        return nth_grad<N>(x, torch::tanh(x)).contiguous();
      },
      [](const torch::Tensor& t) {
        return std::span<const double>(t.data_ptr<double>(), static_cast<std::size_t>(t.numel()));
      });
  benchmark::AddCustomContext("torch_threads", std::to_string(at::get_num_threads()));
  return bench::run(argc, argv);
}
