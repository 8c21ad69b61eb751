// SPDX-License-Identifier: MIT
// A document as a message on the stream: its fields as JSON, and the message id
// that lets the server drop a repeated publish. Tested by document_message_test.cc.
#ifndef EPIWIRE_QUEUE_DOCUMENT_MESSAGE_H_
#define EPIWIRE_QUEUE_DOCUMENT_MESSAGE_H_

#include <string>
#include <string_view>

#include "epiwire/base/status.h"
#include "epiwire/model/document.h"

namespace epiwire::queue {

// The document as read (id, text, published and where that date came from,
// format, url, title, origin), so that a worker extracts exactly what `ingest`
// would have from the same input.
std::string EncodeDocument(const Document& document);

// The reverse; an error names what is wrong (not JSON, no id, a bad date).
Result<Document> DecodeDocument(std::string_view data);

// The id the server de-duplicates on: the document id and a hash of its text, so
// that the same document published twice is one message, and a corrected text
// under the same id is another. Ids that are not short printable ASCII are hashed
// too (a header value must not hold line breaks).
std::string MessageId(const Document& document);

}  // namespace epiwire::queue

#endif  // EPIWIRE_QUEUE_DOCUMENT_MESSAGE_H_
