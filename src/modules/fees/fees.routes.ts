import { z } from 'zod';
import { errorResponses, id, okResponse } from '../../contracts/common.js';
import {
  arrearsPage,
  arrearsQuery,
  collectFeesBody,
  deletePaymentBody,
  feeCollection,
  feesQuery,
  feesView,
  ledgerQuery,
  memberFeeClass,
  myFees,
  putFeeClassBody,
} from '../../contracts/fees.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import type { App, AppDeps } from '../../http/types.js';
import { feeLedger } from './fees.ledger.js';
import { getArrears, getFees, getMyFees } from './fees.read.js';
import { collectFees, deleteFeePayment, feeClassOf, quoteCollection, setFeeClass } from './fees.service.js';
import { memberForRead } from './fees.policy.js';

const tags = ['fees'];
const params = z.object({ id });
const paymentParams = z.object({ id: z.string().regex(/^\d{1,18}$/, { error: 'Mã khoản thu không hợp lệ.' }) });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Union fee (đoàn phí): rate classes, collection, arrears, ledger. */
export async function feeRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/fees',
    {
      schema: {
        tags,
        summary: 'Đoàn phí của một chi đoàn (từng đoàn viên) hoặc của đơn vị cấp trên (từng chi đoàn)',
        querystring: feesQuery,
        response: { 200: feesView, ...errorResponses },
      },
    },
    async (request) => getFees(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/fees/arrears',
    {
      schema: {
        tags,
        summary: 'Đoàn viên nợ đoàn phí trong đơn vị và cấp dưới',
        querystring: arrearsQuery,
        response: { 200: arrearsPage, ...errorResponses },
      },
    },
    async (request) => getArrears(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/fees/payments/quote',
    {
      schema: {
        tags,
        summary: 'Tính trước số tiền của một lần thu (kiểm tra như khi ghi, không ghi gì)',
        body: collectFeesBody,
        response: { 200: feeCollection, ...errorResponses },
      },
    },
    async (request) => quoteCollection(db, await requireActor(request, deps), request.body),
  );

  app.post(
    '/api/fees/payments',
    {
      schema: {
        tags,
        summary: 'Ghi một lần thu đoàn phí tại chi đoàn (tất cả hoặc không gì cả)',
        body: collectFeesBody,
        response: { 200: feeCollection, ...errorResponses },
      },
    },
    async (request) => collectFees(db, await requestContext(request, deps), request.body),
  );

  app.delete(
    '/api/fees/payments/:id',
    {
      schema: {
        tags,
        summary: 'Huỷ một khoản thu ghi nhầm (ghi lý do)',
        params: paymentParams,
        body: deletePaymentBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) =>
      deleteFeePayment(db, await requestContext(request, deps), Number(request.params.id), request.body),
  );

  app.get(
    '/api/members/:id/fee-class',
    {
      schema: {
        tags,
        summary: 'Mức đóng đoàn phí của đoàn viên',
        params,
        response: { 200: memberFeeClass, ...errorResponses },
      },
    },
    async (request) => {
      await memberForRead(db, await requireActor(request, deps), request.params.id);
      return feeClassOf(db, request.params.id);
    },
  );

  app.put(
    '/api/members/:id/fee-class',
    {
      schema: {
        tags,
        summary: 'Đổi mức đóng đoàn phí của đoàn viên từ một tháng',
        params,
        body: putFeeClassBody,
        response: { 200: memberFeeClass, ...errorResponses },
      },
    },
    async (request) => setFeeClass(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/units/:id/fee-ledger.xlsx',
    {
      schema: {
        tags,
        summary: 'Sổ thu, nộp đoàn phí (.xlsx) của chi đoàn hoặc đơn vị',
        params,
        querystring: ledgerQuery,
      },
    },
    async (request, reply) => {
      const ledger = await feeLedger(db, await requestContext(request, deps), request.params.id, request.query.year);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(ledger.fileName))
        .send(ledger.buffer);
    },
  );

  app.get(
    '/api/me/fees',
    {
      schema: { tags, summary: 'Đoàn phí của đoàn viên đang đăng nhập', response: { 200: myFees, ...errorResponses } },
    },
    async (request) => getMyFees(db, await requireActor(request, deps)),
  );
}
