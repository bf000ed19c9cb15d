# The PyTorch peer of bench/train.ts (Debian python3-torch; a benchmark peer only, never a runtime dependency):
# the same llama architecture and config as ours (RMSNorm, RoPE, SwiGLU, tied embeddings), full fine-tuning with
# AdamW, on random tokens of the same shape, on the same thread count. Prints one JSON line.
# Usage: python3 bench/pytorch-peer.py '{"vocabSize":4096,"embeddingLength":512,...,"sequence":128,"batch":8,"steps":2,"threads":2}'
import json, sys, time, resource
import torch
import torch.nn.functional as F

r = json.loads(sys.argv[1])
torch.set_num_threads(r["threads"])
torch.manual_seed(1)
V, d, L, ff, H, Hkv = r["vocabSize"], r["embeddingLength"], r["blockCount"], r["feedForwardLength"], r["headCount"], r["headCountKv"]
T, B, eps, theta = r["sequence"], r["batch"], r["rmsNormEps"], r["ropeFreqBase"]
hd = d // H


class RMSNorm(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.ones(d))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * self.weight


def rope(x, cos, sin):  # x [B, h, T, hd], adjacent pairs (llama.cpp's NORM mode)
    x1, x2 = x[..., 0::2], x[..., 1::2]
    return torch.stack((x1 * cos - x2 * sin, x1 * sin + x2 * cos), dim=-1).flatten(-2)


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.attn_norm, self.ffn_norm = RMSNorm(), RMSNorm()
        self.q = torch.nn.Linear(d, H * hd, bias=False)
        self.k = torch.nn.Linear(d, Hkv * hd, bias=False)
        self.v = torch.nn.Linear(d, Hkv * hd, bias=False)
        self.o = torch.nn.Linear(H * hd, d, bias=False)
        self.gate = torch.nn.Linear(d, ff, bias=False)
        self.up = torch.nn.Linear(d, ff, bias=False)
        self.down = torch.nn.Linear(ff, d, bias=False)
        self.register_buffer("causal", torch.ones(T, T, dtype=torch.bool).triu(1))

    def forward(self, x, cos, sin):
        h = self.attn_norm(x)
        q = rope(self.q(h).view(B, T, H, hd).transpose(1, 2), cos, sin)
        k = rope(self.k(h).view(B, T, Hkv, hd).transpose(1, 2), cos, sin).repeat_interleave(H // Hkv, dim=1)
        v = self.v(h).view(B, T, Hkv, hd).transpose(1, 2).repeat_interleave(H // Hkv, dim=1)
        scores = (q @ k.transpose(-2, -1)) / hd ** 0.5  # torch 1.13 has no scaled_dot_product_attention
        a = torch.softmax(scores.masked_fill(self.causal, float("-inf")), dim=-1) @ v
        x = x + self.o(a.transpose(1, 2).reshape(B, T, d))
        h = self.ffn_norm(x)
        return x + self.down(F.silu(self.gate(h)) * self.up(h))


class Model(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embd = torch.nn.Embedding(V, d)
        self.blocks = torch.nn.ModuleList([Block() for _ in range(L)])
        self.norm = RMSNorm()
        freqs = theta ** (-torch.arange(0, hd, 2).float() / hd)
        angles = torch.arange(T).float()[:, None] * freqs[None, :]
        self.register_buffer("cos", angles.cos())
        self.register_buffer("sin", angles.sin())

    def forward(self, tokens):
        x = self.embd(tokens)
        for block in self.blocks:
            x = block(x, self.cos, self.sin)
        return self.norm(x) @ self.embd.weight.T  # tied output head


model = Model()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.0)
tokens = torch.randint(0, V, (r["steps"] + 1, B, T + 1))
elapsed, loss = 0.0, float("nan")
for step in range(r["steps"] + 1):
    started = time.perf_counter()
    logits = model(tokens[step, :, :-1])
    loss = F.cross_entropy(logits.reshape(-1, V), tokens[step, :, 1:].reshape(-1))
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    if step > 0:  # step 0 is warm-up
        elapsed += time.perf_counter() - started
tokens_timed = r["steps"] * B * T
print(json.dumps({"tokensPerSecond": tokens_timed / elapsed, "seconds": elapsed, "tokens": tokens_timed, "finalLoss": loss.item(),
                  "torch": torch.__version__, "threads": torch.get_num_threads(),
                  "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
                  "parameters": sum(p.numel() for p in model.parameters())}))
