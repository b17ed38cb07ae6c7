# Research probe (not product code; issue 3, session 4). Question: do self-supervised feature learners far stronger
# than the product's -- a ResNet-18 (11.2 M parameters, 456 M multiply-adds per 28x28 image) trained as a dihedral
# transformation classifier (GEOM / RotNet style), and the same ResNet trained with distribution-augmented contrastive
# learning (SimCLR NT-Xent where rotated copies count as other instances: Sohn et al., ICLR 2021; CSI-style score:
# Tack et al., NeurIPS 2020) -- reach the one-class Fashion-MNIST targets? Prints one JSON line per class:
# AUROC of each term alone and of fixed sums of standardised terms. Ran on a lent GPU (python3 + torch >= 1.13):
#   DATA=/usr/share/datasets/fashion-mnist CLASSES=6,0,4 OUT=/tmp python3 ssl_probe.py
# Results and what they mean: ssl_probe_results.json and ../README.md ("Session 4").
import gzip, json, os, time
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F

DEV = "cuda" if torch.cuda.is_available() else "cpu"
ROT_STEPS = int(os.environ.get("ROT_STEPS", "1200"))
CON_STEPS = int(os.environ.get("CON_STEPS", "2000"))
BATCH = int(os.environ.get("BATCH", "512"))
WIDTH = int(os.environ.get("WIDTH", "64"))
CLASSES = [int(c) for c in os.environ.get("CLASSES", "6,0,2,4,8,3,5,7,9,1").split(",")]
OUT = os.environ.get("OUT", "/tmp")
DATA = os.environ.get("DATA", "/usr/share/datasets/fashion-mnist")
torch.backends.cudnn.benchmark = True


def idx(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        b = f.read()
    nd = b[3]
    dims = [int.from_bytes(b[4 + 4 * i:8 + 4 * i], "big") for i in range(nd)]
    return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(dims)


xtr = idx("train-images-idx3-ubyte.gz").astype(np.float32) / 127.5 - 1
ytr = idx("train-labels-idx1-ubyte.gz")
xte = idx("t10k-images-idx3-ubyte.gz").astype(np.float32) / 127.5 - 1
yte = idx("t10k-labels-idx1-ubyte.gz")
XTE = torch.tensor(xte).unsqueeze(1).to(DEV)


def auroc(s, y):
    s = np.asarray(s, np.float64); y = np.asarray(y, bool)
    r = np.empty(len(s)); o = np.argsort(s, kind="mergesort"); r[o] = np.arange(1, len(s) + 1)
    # average ranks for ties
    _, inv, cnt = np.unique(s, return_inverse=True, return_counts=True)
    sums = np.bincount(inv, weights=r); r = (sums / cnt)[inv]
    npos = y.sum(); nneg = len(y) - npos
    return float((r[y].sum() - npos * (npos + 1) / 2) / (npos * nneg))


def block(i, o, s):
    return nn.Sequential(nn.Conv2d(i, o, 3, s, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True),
                         nn.Conv2d(o, o, 3, 1, 1, bias=False), nn.BatchNorm2d(o))


class Res(nn.Module):
    def __init__(s, i, o, st):
        super().__init__(); s.b = block(i, o, st)
        s.sc = nn.Identity() if (i == o and st == 1) else nn.Sequential(nn.Conv2d(i, o, 1, st, bias=False), nn.BatchNorm2d(o))

    def forward(s, x):
        return F.relu(s.b(x) + s.sc(x))


class Enc(nn.Module):  # ResNet-18 layout for 28x28: 28 -> 28 -> 14 -> 7 -> 4
    def __init__(s, w=WIDTH):
        super().__init__()
        s.stem = nn.Sequential(nn.Conv2d(1, w, 3, 1, 1, bias=False), nn.BatchNorm2d(w), nn.ReLU(inplace=True))
        L = []; c = w
        for o, st in [(w, 1), (w, 1), (2 * w, 2), (2 * w, 1), (4 * w, 2), (4 * w, 1), (8 * w, 2), (8 * w, 1)]:
            L.append(Res(c, o, st)); c = o
        s.layers = nn.Sequential(*L); s.dim = c

    def forward(s, x):
        return F.adaptive_avg_pool2d(s.layers(s.stem(x)), 1).flatten(1)


def tf8(x, t):  # t in 0..7: rotation t%4 quarter turns, mirrored when t>=4
    if t >= 4: x = x.flip(3)
    return torch.rot90(x, t % 4, (2, 3))


def shift(x, m=2):  # random translation by up to m pixels (pad with background -1)
    n = x.shape[0]; p = F.pad(x, (m, m, m, m), value=-1.0)
    dx = torch.randint(0, 2 * m + 1, (n,), device=x.device); dy = torch.randint(0, 2 * m + 1, (n,), device=x.device)
    ar = torch.arange(28, device=x.device)
    rows = (dy[:, None] + ar[None]).view(n, 1, 28, 1).expand(n, 1, 28, 28 + 2 * m)
    p = p.gather(2, rows)
    cols = (dx[:, None] + ar[None]).view(n, 1, 1, 28).expand(n, 1, 28, 28)
    return p.gather(3, cols)


def crop_resize(x, lo=0.6):  # random resized crop (scale lo..1 of the side), horizontal flip
    n = x.shape[0]
    sc = torch.empty(n, device=x.device).uniform_(lo, 1.0)
    tx = (torch.rand(n, device=x.device) * 2 - 1) * (1 - sc); ty = (torch.rand(n, device=x.device) * 2 - 1) * (1 - sc)
    flip = torch.where(torch.rand(n, device=x.device) < 0.5, -1.0, 1.0)
    th = torch.zeros(n, 2, 3, device=x.device)
    th[:, 0, 0] = sc * flip; th[:, 1, 1] = sc; th[:, 0, 2] = tx; th[:, 1, 2] = ty
    g = F.affine_grid(th, x.shape, align_corners=False)
    y = F.grid_sample(x + 1, g, align_corners=False, padding_mode="zeros") - 1
    a = torch.empty(n, 1, 1, 1, device=x.device).uniform_(0.6, 1.4)  # contrast
    return ((y + 1) * a - 1).clamp(-1, 1)


def amp():
    return torch.autocast(device_type="cuda", dtype=torch.bfloat16) if DEV == "cuda" else torch.autocast("cpu", enabled=False)


def feats(enc, x, bs=2048):
    enc.eval(); out = []
    with torch.no_grad(), amp():
        for i in range(0, len(x), bs): out.append(enc(x[i:i + bs]).float())
    return torch.cat(out)


def knn_cos(bank, q, bs=4096):  # 1 - max cosine similarity
    b = F.normalize(bank, dim=1); r = []
    for i in range(0, len(q), bs): r.append(1 - (F.normalize(q[i:i + bs], dim=1) @ b.T).max(1).values)
    return torch.cat(r)


def white_knn(bank, q, k=128):  # PCA-whitened (shrunk) 1-NN L2 distance, as in the product's terms
    mu = bank.mean(0); c = bank - mu
    cov = c.T @ c / (len(c) - 1); ev, V = torch.linalg.eigh(cov.double())
    ev = ev.flip(0)[:k]; V = V.flip(1)[:, :k]
    W = (V / torch.sqrt(ev + 0.1 * ev.mean())).float()
    zb = c @ W; zq = (q - mu) @ W
    return torch.cdist(zq, zb).min(1).values


def train_rot(x):
    enc = Enc().to(DEV).to(memory_format=torch.channels_last); head = nn.Linear(enc.dim, 8).to(DEV)
    ps = list(enc.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=5e-4, nesterov=True)
    sch = torch.optim.lr_scheduler.OneCycleLR(opt, 0.1, total_steps=ROT_STEPS)
    enc.train()
    for step in range(ROT_STEPS):
        b = x[torch.randint(0, len(x), (BATCH // 8,), device=DEV)]
        b = shift(b)
        xs = torch.cat([tf8(b, t) for t in range(8)]); ys = torch.arange(8, device=DEV).repeat_interleave(len(b))
        with amp(): loss = F.cross_entropy(head(enc(xs.contiguous(memory_format=torch.channels_last))), ys)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); sch.step()
    return enc, head


def geom(enc, head, x):
    enc.eval(); s = 0
    with torch.no_grad(), amp():
        for t in range(8):
            lp = torch.cat([F.log_softmax(head(enc(tf8(x[i:i + 2048], t))).float(), 1)[:, t] for i in range(0, len(x), 2048)])
            s = s - lp
    return s


def train_con(x, tau=0.2):
    enc = Enc().to(DEV).to(memory_format=torch.channels_last)
    proj = nn.Sequential(nn.Linear(enc.dim, enc.dim), nn.ReLU(), nn.Linear(enc.dim, 128)).to(DEV)
    ps = list(enc.parameters()) + list(proj.parameters())
    opt = torch.optim.SGD(ps, lr=0.3 * BATCH / 256, momentum=0.9, weight_decay=1e-4)
    sch = torch.optim.lr_scheduler.OneCycleLR(opt, 0.3 * BATCH / 256, total_steps=CON_STEPS, pct_start=0.05)
    enc.train()
    for step in range(CON_STEPS):
        b = x[torch.randint(0, len(x), (BATCH,), device=DEV)]
        r = torch.randint(0, 4, (BATCH,), device=DEV)  # distribution augmentation: rotated copies are other "instances"
        b = rot_batch(b, r)
        v = torch.cat([crop_resize(b), crop_resize(b)])
        with amp(): z = F.normalize(proj(enc(v.contiguous(memory_format=torch.channels_last))).float(), dim=1)
        sim = z @ z.T / tau; n = BATCH
        sim.fill_diagonal_(-1e9)
        tgt = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(DEV)
        loss = F.cross_entropy(sim, tgt)
        opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); sch.step()
    return enc


def rot_batch(b, r):
    out = b.clone()
    for k in range(1, 4):
        m = r == k
        if m.any(): out[m] = torch.rot90(b[m], k, (2, 3))
    return out


def run_class(c):
    rng = np.random.RandomState(42); ix = np.where(ytr == c)[0]; ix = ix[rng.permutation(len(ix))]
    ntr = int(len(ix) * 0.8); fit, std = ix[:ntr - ntr // 10], ix[ntr - ntr // 10:ntr]
    XF = torch.tensor(xtr[fit]).unsqueeze(1).to(DEV); XS = torch.tensor(xtr[std]).unsqueeze(1).to(DEV)
    y = (yte != c)
    res = {"class": c}; terms = {}
    def add(name, f_std, f_te):
        s_std = f_std.double().cpu().numpy(); s_te = f_te.double().cpu().numpy()
        terms[name] = (s_te - s_std.mean()) / (s_std.std() + 1e-12); res[name] = round(auroc(s_te, y), 4)
    t0 = time.time()
    add("pix", white_knn(XF.flatten(1), XS.flatten(1)), white_knn(XF.flatten(1), XTE.flatten(1)))
    enc, head = train_rot(XF); res["rot_s"] = round(time.time() - t0, 1)
    add("rot_geom", geom(enc, head, XS), geom(enc, head, XTE))
    fb, fs, ft = feats(enc, XF), feats(enc, XS), feats(enc, XTE)
    add("rot_knn_cos", knn_cos(fb, fs), knn_cos(fb, ft)); add("rot_knn_white", white_knn(fb, fs), white_knn(fb, ft))
    t1 = time.time(); enc = train_con(XF); res["con_s"] = round(time.time() - t1, 1)
    fb, fs, ft = feats(enc, XF), feats(enc, XS), feats(enc, XTE)
    add("con_knn_cos", knn_cos(fb, fs), knn_cos(fb, ft)); add("con_knn_white", white_knn(fb, fs), white_knn(fb, ft))
    # CSI-style: sum over the four rotations of the rotated image's distance to the same-rotation bank
    def csi(q):
        return sum(knn_cos(feats(enc, torch.rot90(XF, k, (2, 3))), feats(enc, torch.rot90(q, k, (2, 3)))) for k in range(4))
    add("con_csi", csi(XS), csi(XTE))
    for combo in [("pix", "rot_geom", "rot_knn_white"), ("pix", "con_knn_cos"), ("pix", "rot_geom", "rot_knn_white", "con_knn_cos"),
                  ("pix", "rot_geom", "rot_knn_white", "con_csi"), ("rot_geom", "con_csi"),
                  ("pix", "con_knn_cos", "con_csi"), ("pix", "rot_knn_white", "con_knn_cos"),
                  ("pix", "rot_geom", "rot_knn_white", "con_knn_cos", "con_csi")]:
        res["+".join(combo)] = round(auroc(sum(terms[k] for k in combo), y), 4)
    res["wall_s"] = round(time.time() - t0, 1)
    print(json.dumps(res), flush=True)
    with open(os.path.join(OUT, f"class{c}.json"), "w") as f: json.dump(res, f)


if __name__ == "__main__":
    print(json.dumps({"device": DEV, "torch": torch.__version__, "gpu": torch.cuda.get_device_name(0) if DEV == "cuda" else None,
                      "rot_steps": ROT_STEPS, "con_steps": CON_STEPS, "batch": BATCH, "width": WIDTH}), flush=True)
    torch.manual_seed(0)
    for c in CLASSES: run_class(c)
