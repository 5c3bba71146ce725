"""T5 relative-position buckets from the reference implementation (HF transformers
T5Attention._relative_position_bucket, transcribed verbatim below; it follows mesh_tensorflow's
_relative_position_bucket), printed as JSON for the attn.t5-bias claim:
{"<bidirectional>,<num_buckets>,<max_distance>": [bucket(rel) for rel in -R..R]}.
Usage: /usr/bin/python3 clients/python/t5_bucket_reference.py [R]"""
import json
import math
import sys

import torch


def _relative_position_bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):
    relative_buckets = 0
    if bidirectional:
        num_buckets //= 2
        relative_buckets += (relative_position > 0).to(torch.long) * num_buckets
        relative_position = torch.abs(relative_position)
    else:
        relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))
    # now relative_position is in the range [0, inf)

    # half of the buckets are for exact increments in positions
    max_exact = num_buckets // 2
    is_small = relative_position < max_exact

    # The other half of the buckets are for logarithmically bigger bins in positions up to max_distance
    relative_position_if_large = max_exact + (
        torch.log(relative_position.float() / max_exact)
        / math.log(max_distance / max_exact)
        * (num_buckets - max_exact)
    ).to(torch.long)
    relative_position_if_large = torch.min(
        relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1)
    )

    relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)
    return relative_buckets


if __name__ == "__main__":
    R = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    rel = torch.arange(-R, R + 1, dtype=torch.long)
    out = {}
    for bi in (True, False):
        for nb, md in ((32, 128), (16, 64), (8, 20)):
            out[f"{str(bi).lower()},{nb},{md}"] = _relative_position_bucket(rel, bi, nb, md).tolist()
    print(json.dumps({"R": R, "torch": torch.__version__, "buckets": out}, separators=(",", ":")))
