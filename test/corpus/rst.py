"""Writes boto3's own reference pages (RST) for services, the way boto3's docs are built.

usage: python3 rst.py <out-dir> [service ...]   (no service: every service boto3 knows)
Each service goes to <out-dir>/<service>/ (client/, paginator/, waiter/, resource folders), one line
per service on stdout: "<service> <seconds>" or "<service> ERROR <message>".
"""
import os
import sys
import time
from multiprocessing import Pool

import boto3
from boto3.docs.service import ServiceDocumenter


def document(args):
    out, name = args
    started = time.time()
    try:
        session = boto3.session.Session(region_name='us-east-1')
        ServiceDocumenter(name, session, out).document_service()
        return f'{name} {time.time() - started:.2f}'
    except Exception as e:  # one service the documenter cannot write is reported, never the end of the run
        return f'{name} ERROR {type(e).__name__}: {str(e)[:200]}'


def main():
    out = sys.argv[1]
    names = sys.argv[2:] or boto3.session.Session(region_name='us-east-1').get_available_services()
    os.makedirs(out, exist_ok=True)
    jobs = int(os.environ.get('CORPUS_JOBS', '2'))
    with Pool(jobs) as pool:
        for line in pool.imap_unordered(document, [(out, n) for n in names]):
            print(line, flush=True)


if __name__ == '__main__':
    main()
