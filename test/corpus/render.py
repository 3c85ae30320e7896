"""Renders boto3 RST pages to HTML with Sphinx, then to text with Debian's text browsers/converters.

usage: python3 render.py <rst-dir> <out-dir> <renderers,comma-separated> <service> [service ...]
Writes <out-dir>/html/<service>/… and <out-dir>/<renderer>/<service>/<page>.txt for every page under
<rst-dir>/<service>/. One line per service on stdout: "<service> <seconds>" or "<service> ERROR …".
Needs: apt-get install python3-sphinx w3m lynx html2text pandoc
"""
import os
import shutil
import subprocess
import sys
import time
from multiprocessing import Pool

RENDERERS = {
    'w3m': ['w3m', '-dump', '-cols', '100', '-T', 'text/html', '-O', 'UTF-8'],
    'lynx': ['lynx', '-dump', '-nolist', '-width=100', '-display_charset=utf-8', '-assume_charset=utf-8'],
    'html2text': ['html2text', '-utf8'],
    'pandoc': ['pandoc', '-f', 'html', '-t', 'plain'],
}


def render(args):
    rst_dir, out, renderers, service = args
    started = time.time()
    try:
        src = os.path.join(out, 'sphinx-src', service)
        html = os.path.join(out, 'html', service)
        done = os.path.join(html, f".rendered-{'-'.join(renderers)}")
        if os.path.exists(done):  # rendered by an earlier run: kept
            return f'{service} 0.00 (kept)'
        shutil.rmtree(src, ignore_errors=True)
        shutil.copytree(os.path.join(rst_dir, service), os.path.join(src, service))
        with open(os.path.join(src, 'conf.py'), 'w') as f:
            f.write("project = 'boto3 corpus'\nhtml_theme = 'basic'\nmaster_doc = 'index'\n")
        with open(os.path.join(src, 'index.rst'), 'w') as f:
            f.write(f'{service}\n{"=" * len(service)}\n')
        subprocess.run(['sphinx-build', '-q', '-b', 'html', src, html], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600)
        pages = os.path.join(html, service)
        for root, _, files in os.walk(pages):
            for name in files:
                if not name.endswith('.html'):
                    continue
                rel = os.path.relpath(os.path.join(root, name), pages)[:-len('.html')] + '.txt'
                for r in renderers:
                    target = os.path.join(out, r, service, rel)
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with open(target, 'wb') as f:
                        subprocess.run(RENDERERS[r] + [os.path.join(root, name)], stdout=f,
                                       stderr=subprocess.DEVNULL, check=False, timeout=120)
        open(done, 'w').close()
        return f'{service} {time.time() - started:.2f}'
    except Exception as e:  # a service that cannot be rendered is reported, the others still are
        return f"{service} ERROR {type(e).__name__}: {str(e)[:200]}"


def main():
    rst_dir, out, renderers, *services = sys.argv[1:]
    chosen = [r for r in renderers.split(',') if r]
    unknown = [r for r in chosen if r not in RENDERERS]
    if unknown:
        sys.exit(f'unknown renderer(s) {unknown}; known: {list(RENDERERS)}')
    jobs = int(os.environ.get('CORPUS_JOBS', '2'))
    with Pool(jobs) as pool:
        for line in pool.imap_unordered(render, [(rst_dir, out, chosen, s) for s in services]):
            print(line, flush=True)


if __name__ == '__main__':
    main()
