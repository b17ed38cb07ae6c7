#include "spec_parser.h"

#include <cmath>
#include <locale>
#include <sstream>
#include <vector>

#include "status.h"

namespace {

using mt::ArgumentError;

struct Line {
    int number;
    std::string text;
    std::string kind;
    std::vector<std::string> args;
};

std::string describe(const Line& line) { return "spec line " + std::to_string(line.number) + " ('" + line.text + "')"; }

void expect_args(const Line& line, size_t count, const char* usage) {
    if (line.args.size() != count)
        throw ArgumentError(describe(line) + ": " + line.kind + " takes " + std::to_string(count) + " values (" + usage +
                            "), got " + std::to_string(line.args.size()));
}

int64_t positive_int(const Line& line, size_t index, const char* field, int64_t minimum = 1) {
    const auto& token = line.args[index];
    size_t used = 0;
    long long value = 0;
    try {
        value = std::stoll(token, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != token.size() || value < minimum)
        throw ArgumentError(describe(line) + ": " + field + " must be an integer >= " + std::to_string(minimum) +
                            ", got '" + token + "'");
    return value;
}

bool flag(const Line& line, size_t index, const char* field) {
    const auto& token = line.args[index];
    if (token != "0" && token != "1") throw ArgumentError(describe(line) + ": " + field + " must be 0 or 1, got '" + token + "'");
    return token == "1";
}

double real(const Line& line, size_t index, const char* field) {
    const auto& token = line.args[index];
    std::istringstream stream(token);
    stream.imbue(std::locale::classic());
    double value = 0;
    if (!(stream >> value) || !stream.eof() || !std::isfinite(value))
        throw ArgumentError(describe(line) + ": " + field + " must be a finite number, got '" + token + "'");
    return value;
}

std::vector<Line> tokenize(const std::string& spec) {
    std::vector<Line> lines;
    std::istringstream input(spec);
    std::string text;
    int number = 0;
    while (std::getline(input, text)) {
        ++number;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        std::istringstream words(text);
        Line line{number, text, {}, {}};
        if (!(words >> line.kind)) continue;  // blank line
        for (std::string word; words >> word;) line.args.push_back(word);
        lines.push_back(std::move(line));
    }
    return lines;
}

void add_layer(torch::nn::Sequential& net, const Line& line) {
    namespace nn = torch::nn;
    const auto& k = line.kind;
    if (k == "conv2d" || k == "convtranspose2d") {
        expect_args(line, 6, "in out kernel stride padding bias");
        auto in = positive_int(line, 0, "in"), out = positive_int(line, 1, "out"), kernel = positive_int(line, 2, "kernel");
        auto stride = positive_int(line, 3, "stride"), padding = positive_int(line, 4, "padding", 0);
        bool bias = flag(line, 5, "bias");
        if (k == "conv2d")
            net->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(bias)));
        else
            net->push_back(nn::ConvTranspose2d(
                nn::ConvTranspose2dOptions(in, out, kernel).stride(stride).padding(padding).bias(bias)));
    } else if (k == "batchnorm2d") {
        expect_args(line, 3, "features eps momentum");
        auto features = positive_int(line, 0, "features");
        double eps = real(line, 1, "eps"), momentum = real(line, 2, "momentum");
        if (eps <= 0) throw ArgumentError(describe(line) + ": eps must be > 0");
        if (momentum <= 0 || momentum > 1) throw ArgumentError(describe(line) + ": momentum must be in (0,1]");
        net->push_back(nn::BatchNorm2d(nn::BatchNorm2dOptions(features).eps(eps).momentum(momentum)));
    } else if (k == "relu" || k == "tanh" || k == "sigmoid" || k == "flatten") {
        expect_args(line, 0, "no values");
        if (k == "relu") net->push_back(nn::ReLU());
        else if (k == "tanh") net->push_back(nn::Tanh());
        else if (k == "sigmoid") net->push_back(nn::Sigmoid());
        else net->push_back(nn::Flatten(nn::FlattenOptions().start_dim(1)));
    } else if (k == "leakyrelu") {
        expect_args(line, 1, "negative_slope");
        net->push_back(nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(real(line, 0, "negative_slope"))));
    } else if (k == "unflatten") {
        expect_args(line, 3, "channels height width");
        std::vector<int64_t> sizes{positive_int(line, 0, "channels"), positive_int(line, 1, "height"),
                                   positive_int(line, 2, "width")};
        net->push_back(nn::Unflatten(nn::UnflattenOptions(1, sizes)));
    } else if (k == "linear") {
        expect_args(line, 3, "in out bias");
        auto in = positive_int(line, 0, "in"), out = positive_int(line, 1, "out");
        net->push_back(nn::Linear(nn::LinearOptions(in, out).bias(flag(line, 2, "bias"))));
    } else {
        throw ArgumentError(describe(line) + ": unknown layer '" + k +
                            "' (expected conv2d, convtranspose2d, batchnorm2d, relu, leakyrelu, tanh, sigmoid, "
                            "flatten, unflatten or linear)");
    }
}

/// DCGAN initialisation (Radford et al. 2016, section 4): weights ~ N(0, 0.02); BatchNorm weight ~ N(1, 0.02), bias 0.
void dcgan_init(torch::nn::Sequential& net, at::Generator& generator) {
    // No lock on generator.mutex(): normal_ takes it itself (the mutex is not recursive).
    torch::NoGradGuard no_grad;
    for (const auto& child : net->children()) {
        bool affine = child->as<torch::nn::Conv2d>() || child->as<torch::nn::ConvTranspose2d>() ||
                      child->as<torch::nn::Linear>();
        bool batch_norm = child->as<torch::nn::BatchNorm2d>() != nullptr;
        if (!affine && !batch_norm) continue;
        for (auto& item : child->named_parameters(/*recurse=*/false)) {
            if (item.key() == "weight") item.value().normal_(batch_norm ? 1.0 : 0.0, 0.02, generator);
            else if (item.key() == "bias") item.value().zero_();
        }
    }
}

}  // namespace

std::unique_ptr<mt_module> mt::build_module(const std::string& spec, uint64_t seed) {
    auto lines = tokenize(spec);
    require(!lines.empty(), "spec is empty: expected a first line 'input d1 d2 ...' and one line per layer");
    const auto& header = lines.front();
    require(header.kind == "input" && !header.args.empty(),
            describe(header) + ": the first line must be 'input d1 d2 ...' (shape without batch)");
    auto module = std::make_unique<mt_module>();
    for (size_t i = 0; i < header.args.size(); ++i) module->input_shape.push_back(positive_int(header, i, "input dimension"));
    require(lines.size() > 1, "spec has no layers after the input line");
    for (size_t i = 1; i < lines.size(); ++i) add_layer(module->net, lines[i]);

    auto generator = seeded_generator(seed);
    dcgan_init(module->net, generator);

    // Dry run in eval mode (no running-statistics update) to check the layers fit and record their output shapes.
    torch::NoGradGuard no_grad;
    module->net->eval();
    auto x = torch::zeros(batched(1, module->input_shape));
    int index = 0;
    for (auto& layer : *module->net) {
        try {
            x = layer.forward(x);
        } catch (const c10::Error& e) {
            const auto& line = lines[index + 1];
            throw ArgumentError(describe(line) + ": layer " + std::to_string(index) + " does not fit its input " +
                                c10::str(x.sizes()) + ": " + e.what_without_backtrace());
        }
        auto sizes = x.sizes().vec();
        module->layer_shapes.emplace_back(sizes.begin() + 1, sizes.end());
        ++index;
    }
    return module;
}
