from yusuan.schema import generate

print(generate(), end="")
