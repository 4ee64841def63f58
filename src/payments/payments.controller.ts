import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBadRequestResponse, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiExtension, ApiOkResponse, ApiOperation, ApiPayloadTooLargeResponse, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { MULTIPART_ALTERNATIVE } from '../common/openapi';
import { DomainError } from '../common/domain-error';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UuidParamDto } from '../common/validation';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiDownload, download } from '../reports/report-download';
import { BatchesService } from './batches.service';
import {
  BatchDto, BatchPageDto, CreateBatchDto, DuePaymentDto, ListQueryDto, PayeeAccountDto, PayeeAccountInputDto, ResolveLineDto, StatementDto,
  StatementImportDto, StatementLineDto, StatementPageDto, StatementUploadDto,
} from './payment.dto';
import { PayeesService } from './payees.service';
import { isMultipart, STATEMENT_FILE_FIELD, STATEMENT_MAX_BYTES, uploadedStatement } from './statement-upload';
import { StatementsService } from './statements.service';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** Where a request's money goes: its payee name and IBAN (masked for everyone but administrators). */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('api/v1/requests/:id/payee-account')
export class PayeeAccountsController {
  constructor(private readonly payees: PayeesService) {}

  @Get()
  @ApiOkResponse({ type: PayeeAccountDto })
  get(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<PayeeAccountDto> {
    return this.payees.get(user, p.id);
  }

  @Put()
  @Roles('professional', 'admin')
  @ApiOperation({ summary: 'Set the payee name and IBAN (requester or administrator); the IBAN must pass the mod-97 check' })
  @ApiOkResponse({ type: PayeeAccountDto })
  @ApiConflictResponse({ description: 'the request is paid, cancelled or in a payment batch', content: PROBLEM })
  set(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: PayeeAccountInputDto): Promise<PayeeAccountDto> {
    return this.payees.set(user, p.id, dto);
  }
}

/** SEPA credit-transfer batches (pain.001.001.09) for the bank. */
@ApiTags('payments')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1')
export class PaymentBatchesController {
  constructor(private readonly batches: BatchesService) {}

  @Get('due-payments')
  @ApiOperation({ summary: 'Approved commitments not in a batch yet, with their payee' })
  @ApiOkResponse({ type: [DuePaymentDto] })
  due(): Promise<DuePaymentDto[]> {
    return this.batches.due();
  }

  @Get('payment-batches')
  @ApiOkResponse({ type: BatchPageDto })
  list(@Query() q: ListQueryDto): Promise<BatchPageDto> {
    return this.batches.list(q.limit, q.cursor);
  }

  @Post('payment-batches')
  @Idempotent()
  @ApiOperation({ summary: 'Create a batch from selected approved commitments (or all due ones); moves them to in_payment in one transaction' })
  @ApiCreatedResponse({ type: BatchDto })
  @ApiUnprocessableEntityResponse({ description: 'a request has no payee IBAN, or nothing is due', content: PROBLEM })
  async create(@CurrentUser() user: AuthUser, @Body() dto: CreateBatchDto): Promise<BatchDto> {
    return this.batches.get(await this.batches.create(user, dto));
  }

  @Get('payment-batches/:id')
  @ApiOkResponse({ type: BatchDto })
  get(@Param() p: UuidParamDto): Promise<BatchDto> {
    return this.batches.get(p.id);
  }

  @Get('payment-batches/:id/pain.001.xml')
  @ApiDownload('application/xml', 'the SEPA credit transfer file (ISO 20022 pain.001.001.09)')
  async xml(@Param() p: UuidParamDto): Promise<StreamableFile> {
    const file = await this.batches.xml(p.id);
    return download(Buffer.from(file.xml, 'utf8'), 'application/xml; charset=utf-8', `${file.messageId}.xml`);
  }

  @Post('payment-batches/:id/cancel')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'Cancel an open batch: its commitments go back from in_payment to committed' })
  @ApiOkResponse({ type: BatchDto })
  async cancel(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<BatchDto> {
    await this.batches.cancel(user, p.id);
    return this.batches.get(p.id);
  }

  @Post('payment-batches/:id/confirm')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'Mark an open batch as handed to the bank (it can no longer be cancelled)' })
  @ApiOkResponse({ type: BatchDto })
  async confirm(@Param() p: UuidParamDto): Promise<BatchDto> {
    await this.batches.confirm(p.id);
    return this.batches.get(p.id);
  }
}

/** Bank statements (camt.053) and reconciliation. */
@ApiTags('payments')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1')
export class BankStatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post('bank-statements')
  @Idempotent()
  @ApiOperation({
    summary: 'Import a camt.053 statement: matches by end-to-end id and amount, books paid; the same statement again changes nothing',
    description: `Send the statement as JSON \`{"xml": "…"}\` (up to 95 000 characters), or upload the XML file as multipart/form-data in the field \`${STATEMENT_FILE_FIELD}\` (up to ${STATEMENT_MAX_BYTES} bytes; UTF-8 unless its XML declaration names another encoding).`,
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiExtension(MULTIPART_ALTERNATIVE, {
    type: 'object',
    required: [STATEMENT_FILE_FIELD],
    properties: { [STATEMENT_FILE_FIELD]: { type: 'string', format: 'binary', description: `the camt.053 XML file, at most ${STATEMENT_MAX_BYTES} bytes` } },
  })
  @ApiCreatedResponse({ type: StatementImportDto })
  @ApiBadRequestResponse({ description: 'not a camt.053 statement, a malformed amount, another currency or a duplicate end-to-end id (naming the XML line); an empty or unreadable file; both a file and `xml`', content: PROBLEM })
  @ApiPayloadTooLargeResponse({ description: `a JSON body above 100 kB, or an uploaded file above ${STATEMENT_MAX_BYTES} bytes`, content: PROBLEM })
  import(@CurrentUser() user: AuthUser, @Req() req: Request, @Body() dto: StatementUploadDto): Promise<StatementImportDto> {
    const upload = uploadedStatement(req);
    if (upload && dto.xml !== undefined) throw DomainError.invalidField('xml', `give the statement once: as the uploaded file "${STATEMENT_FILE_FIELD}" or as xml, not both`, 'STATEMENT.TWICE');
    if (!upload && isMultipart(req)) throw DomainError.invalidField(STATEMENT_FILE_FIELD, 'is required: the camt.053 XML file from the bank', 'STATEMENT.EMPTY');
    return this.statements.import(user, upload?.xml ?? dto.xml ?? '');
  }

  @Get('bank-statements')
  @ApiOkResponse({ type: StatementPageDto })
  list(@Query() q: ListQueryDto): Promise<StatementPageDto> {
    return this.statements.list(q.limit, q.cursor);
  }

  @Get('bank-statements/:id')
  @ApiOkResponse({ type: StatementDto })
  get(@Param() p: UuidParamDto): Promise<StatementDto> {
    return this.statements.get(p.id);
  }

  @Get('unmatched-statement-lines')
  @ApiOperation({ summary: 'Lines the administrator still has to resolve: returns, different amounts, unknown or doubled payments' })
  @ApiOkResponse({ type: [StatementLineDto] })
  unmatched(): Promise<StatementLineDto[]> {
    return this.statements.openLines();
  }

  @Post('bank-statement-lines/:id/resolve')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({ summary: 'Resolve a line: a returned payment is reopened or released; other lines are dismissed' })
  @ApiOkResponse({ type: StatementLineDto })
  resolve(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: ResolveLineDto): Promise<StatementLineDto> {
    return this.statements.resolve(user, p.id, dto);
  }
}
