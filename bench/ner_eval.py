"""The recognizer's measures in one run: GUM dev names (score-ner-names.py, "inside" F1) and
UNER English-EWT dev (score-ner.py, exact F1), each whole and on its two fixed halves, and
the seeds' names (score_ner_seeds.py).
usage: python3 bench/ner_eval.py MODELS_DIR [STORYLINE_BINARY]   (from the repository root)
Halves: GUM dev by genre, A = academic, bio, court; B = interview, news, voyage. UNER dev by
document (sentence id less its "-NNNN"), A = md5(document) even, B = odd. Develop on one
half, check on the other. Prints one line per measure."""
import hashlib, json, os, re, subprocess, sys, tempfile

models, binary = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "build/storyline"
shared = os.environ.get("STORYLINE_SHARED_DIR", "/work/shared")
tools, data = os.path.join(shared, "tools"), os.path.join(shared, "data")
env = dict(os.environ, STORYLINE_MODELS=models)
work = tempfile.mkdtemp(prefix="ner-eval-")


def gum_half(doc_id):
    return "A" if doc_id.split("_")[1] in ("academic", "bio", "court") else "B"


def uner_half(doc_id):
    document = doc_id.rsplit("-", 1)[0]
    return "A" if int(hashlib.md5(document.encode()).hexdigest(), 16) % 2 == 0 else "B"


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def score(command, pattern):
    out = subprocess.run(command, capture_output=True, text=True).stdout
    return float(re.search(pattern, out).group(1))


def corpus(name, split_args, half_of, scorer):
    inputs = os.path.join(work, name + ".jsonl")
    subprocess.run(["python3", os.path.join(tools, "make-inputs.py")] + split_args + [inputs, "dev"], check=True,
                   stdout=subprocess.DEVNULL)
    preds = os.path.join(work, name + ".pred.jsonl")
    with open(preds, "w") as f:
        subprocess.run([binary, "analyze", inputs], stdout=f, env=env, check=True)
    docs = [json.loads(l) for l in open(inputs, encoding="utf-8")]
    predicted = [json.loads(l) for l in open(preds, encoding="utf-8")]
    figures = {"all": scorer(inputs, preds)}
    for half in ("A", "B"):
        half_inputs, half_preds = os.path.join(work, f"{name}.{half}.jsonl"), os.path.join(work, f"{name}.{half}.pred.jsonl")
        write(half_inputs, [d for d in docs if half_of(d["id"]) == half])
        write(half_preds, [p for p in predicted if half_of(str(p["id"])) == half])
        figures[half] = scorer(half_inputs, half_preds)
    print(f"{name}: {figures['all']:.3f} (A {figures['A']:.3f} / B {figures['B']:.3f})")


corpus("gum_dev", ["gum", os.path.join(data, "gum")], gum_half,
       lambda i, p: score(["python3", os.path.join(tools, "score-ner-names.py"), os.path.join(data, "gum"), p, i],
                          r"\(inside match\) ([0-9.]+)"))
corpus("uner_dev", ["uner", os.path.join(data, "uner-ewt")], uner_half,
       lambda i, p: score(["python3", os.path.join(tools, "score-ner.py"), "uner", os.path.join(data, "uner-ewt"), p, i],
                          r"F1 ([0-9.]+)"))
seeds = os.path.join(shared, "seeds", "seeds.jsonl")
seed_preds = os.path.join(work, "seeds.pred.jsonl")
with open(seed_preds, "w") as f:
    subprocess.run([binary, "analyze", seeds], stdout=f, env=env, check=True)
out = subprocess.run(["python3", "bench/score_ner_seeds.py", seeds, seed_preds, "--misses"], capture_output=True,
                     text=True).stdout
print("seeds: " + re.search(r"seeds all .*", out).group(0))
for line in out.splitlines():
    if line.startswith(("missed", "wrong")):
        print("  " + line)
