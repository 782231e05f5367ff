"""Makes tiny-classifier.pt, a small TorchScript image classifier with 1000 outputs, and the outputs it gives for
a solid-colour image, so the Java tests can check that Lantern runs TorchScript models on the PyTorch engine.

Reproduce (Debian's torch 1.13: apt-get install python3-torch):
    /usr/bin/python3 make_tiny_classifier.py
"""
import json

import torch

torch.manual_seed(7)
model = torch.nn.Sequential(
    torch.nn.Conv2d(3, 8, kernel_size=3, stride=2, padding=1),
    torch.nn.ReLU(),
    torch.nn.AdaptiveAvgPool2d(1),
    torch.nn.Flatten(),
    torch.nn.Linear(8, 1000),
).eval()

traced = torch.jit.trace(model, torch.zeros(1, 3, 224, 224))
traced.save("tiny-classifier.pt")

# A solid (200, 100, 50) RGB image after ImageNet pre-processing is a constant plane per channel.
mean = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
std = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)
rgb = torch.tensor([200.0, 100.0, 50.0]).view(1, 3, 1, 1) / 255.0
x = ((rgb - mean) / std).expand(1, 3, 224, 224).contiguous()
with torch.no_grad():
    p = torch.softmax(traced(x), dim=1)[0]
top = torch.topk(p, 5)
with open("tiny-classifier-expected.json", "w") as f:
    json.dump({"rgb": [200, 100, 50], "top5": top.indices.tolist(), "probabilities": top.values.tolist()}, f)
